import { describe, expect, it } from 'vitest';
import { layerDefinition } from '../layers/catalogue.js';
import { analyzeModel } from './analyze.js';
import { expandComposite } from './composite.js';
import { chainOf } from './sketch.js';

describe('expandComposite', () => {
  it('replaces a transformer block by parts with the same shape and parameter count', () => {
    const graph = chainOf(
      ['Input', { shape: [null, 16] }],
      ['TransformerEncoderBlock', {}],
      ['Dense', { units: 3 }],
      ['Output'],
    );
    const before = analyzeModel(graph);
    expect(before.diagnostics).toEqual([]);
    const result = expandComposite(graph, 'n1');
    if (!result.ok) throw new Error(result.reason);
    const after = analyzeModel(result.graph);
    expect(after.diagnostics).toEqual([]);
    expect(result.graph.nodes.some((n) => n.id === 'n1')).toBe(false);
    expect(result.graph.nodes.length).toBeGreaterThan(graph.nodes.length);
    expect(after.nodes.get('n2')?.shape).toEqual(before.nodes.get('n2')?.shape);
    expect(after.totals.trainable).toBe(before.totals.trainable);
  });

  it('says why a plain layer cannot be expanded', () => {
    const graph = chainOf(['Input', { shape: [4] }], ['Dense'], ['Output']);
    expect(expandComposite(graph, 'n1')).toMatchObject({ ok: false });
    expect(expandComposite(graph, 'nope')).toMatchObject({ ok: false });
  });

  it('wires the composite inputs ($in0…) to the nodes that fed it', () => {
    const dense = layerDefinition('Dense');
    const twoDense = {
      ...dense,
      expand: () => [
        { id: 'a', kind: 'Dense', params: { units: 2 }, inputs: ['$in0'] },
        { id: 'b', kind: 'Dense', params: { units: 3 }, inputs: ['a'] },
      ],
    };
    const graph = chainOf(['Input', { shape: [4] }], ['Dense'], ['Output']);
    const result = expandComposite(graph, 'n1', (kind) =>
      kind === 'Dense' ? twoDense : undefined,
    );
    if (!result.ok) throw new Error(result.reason);
    const analysis = analyzeModel(result.graph);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.nodes.get('n2')?.shape).toEqual([3]);
    expect(analysis.totals.trainable).toBe(4 * 2 + 2 + 2 * 3 + 3);
  });
});
