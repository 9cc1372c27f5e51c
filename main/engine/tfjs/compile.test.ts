import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { BlockDefinition, GraphBody } from '../../../shared/graph/document.js';
import { sketch } from '../../../shared/graph/sketch.js';
import { compileModel, layerName } from './compile.js';

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

describe('compileModel edge cases', () => {
  it('runs a merge that takes one tensor twice while another layer also uses it', () => {
    const graph = sketch(
      {
        x: ['Input', { shape: [2] }],
        d: ['Dense', { units: 2, activation: 'linear' }],
        add: ['Add'],
        other: ['Dense', { units: 1 }],
        out1: ['Output'],
        out2: ['Output'],
      },
      ['x -> d', 'd -> add', 'd -> add:1', 'd -> other', 'add -> out1', 'other -> out2'],
    );
    const result = compileModel(graph);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const input = tf.tensor2d([[1, 2]]);
    const [sum] = result.model.predict(input) as tf.Tensor[];
    const dense = result.model.getLayer(layerName('d')).apply(input) as tf.Tensor;
    expect(Array.from(sum.dataSync())).toEqual(Array.from(dense.mul(2).dataSync()));
  });

  it('compiles a graph with a block as if its layers were inlined', () => {
    const block: BlockDefinition = {
      id: 'pair',
      name: 'Pair',
      inputs: ['in'],
      output: 'b',
      ...sketch({ in: ['Input'], a: ['Dense', { units: 3 }], b: ['Dense', { units: 2 }] }, [
        'in -> a',
        'a -> b',
      ]),
    };
    const graph = sketch(
      { x: ['Input', { shape: [4] }], blk: ['Block', { block: 'pair' }], out: ['Output'] },
      ['x -> blk', 'blk -> out'],
    );
    const result = compileModel(graph, 'blocky', { blocks: [block] });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.model.countParams()).toBe(4 * 3 + 3 + 3 * 2 + 2);
    expect(result.model.outputs[0].shape).toEqual([null, 2]);
    expect(compileModel(graph).ok).toBe(false);
  });
});
