import { describe, expect, it } from 'vitest';
import type { GraphBody } from '../../../shared/graph/document.js';
import { compileModel } from './compile.js';

const at = { x: 0, y: 0 };
const chainGraph = (...layers: [kind: string, params: Record<string, unknown>][]): GraphBody => ({
  nodes: layers.map(([kind, params], i) => ({ id: `n${i}`, kind, params, position: at })),
  edges: layers.slice(1).map((_, i) => ({
    id: `e${i}`,
    source: `n${i}`,
    target: `n${i + 1}`,
    targetPort: 0,
  })),
});

describe('compileModel', () => {
  it('builds an MLP whose parameter count equals the catalogue count', () => {
    const graph = chainGraph(
      ['Input', { shape: [784] }],
      ['Dense', { units: 128 }],
      ['Dropout', { rate: 0.2 }],
      ['Dense', { units: 10, activation: 'softmax' }],
      ['Output', {}],
    );
    const result = compileModel(graph);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.model.countParams()).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(result.analysis.totals.trainable).toBe(result.model.countParams());
    expect(result.model.outputs[0].shape).toEqual([null, 10]);
  });

  it('refuses a graph with errors and says why instead of throwing', () => {
    const graph = chainGraph(['Input', { shape: [4] }], ['Dense', { units: 0 }], ['Output', {}]);
    const result = compileModel(graph);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ code: 'bad-param' });
  });
});
