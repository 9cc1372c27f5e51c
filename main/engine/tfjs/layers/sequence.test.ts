import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphBody } from '../../../../shared/graph/document.js';
import { compileModel } from '../compile.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Part = [id: string, kind: string, params: Record<string, unknown>, inputs?: string[]];

/** A graph from `[id, kind, params, inputs]` rows; inputs are wired to ports in order. */
const graphOf = (...parts: Part[]): GraphBody => ({
  nodes: parts.map(([id, kind, params]) => ({ id, kind, params, position: { x: 0, y: 0 } })),
  edges: parts.flatMap(([id, , , inputs = []]) =>
    inputs.map((source, port) => ({ id: `${source}-${id}`, source, target: id, targetPort: port })),
  ),
});

function compiled(graph: GraphBody) {
  const result = compileModel(graph);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  expect(result.model.countParams()).toBe(result.analysis.totals.trainable);
  return result.model;
}

describe('sequence models compiled from graphs', () => {
  it('a GPT-style language model builds, counts as analysed and trains a step', async () => {
    const [vocab, steps, d] = [20, 8, 8];
    const model = compiled(
      graphOf(
        ['tokens', 'Input', { shape: [steps], dtype: 'int32' }],
        ['embed', 'Embedding', { inputDim: vocab, outputDim: d }, ['tokens']],
        ['positions', 'PositionEmbedding', { maxLength: steps }, ['embed']],
        [
          'block',
          'TransformerEncoderBlock',
          { numHeads: 2, keyDim: 4, ffDim: 16, causal: true },
          ['positions'],
        ],
        ['next', 'TimeDistributed', { units: vocab, activation: 'softmax' }, ['block']],
        ['out', 'Output', {}, ['next']],
      ),
    );
    expect(model.outputs[0].shape).toEqual([null, steps, vocab]);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy' });
    const ids = tf.cast(tf.floor(tf.randomUniform([4, steps], 0, vocab)), 'int32');
    const history = await model.fit(ids, tf.expandDims(tf.cast(ids, 'float32'), -1), {
      epochs: 1,
      verbose: 0,
    });
    expect(Number.isFinite(history.history.loss[0] as number)).toBe(true);
  });

  it('an encoder–decoder wires target and encoder output to the decoder’s ports', () => {
    const model = compiled(
      graphOf(
        ['source', 'Input', { shape: [6], dtype: 'int32' }],
        ['target', 'Input', { shape: [5], dtype: 'int32' }],
        ['srcEmbed', 'Embedding', { inputDim: 30, outputDim: 8 }, ['source']],
        ['srcPos', 'SinusoidalPositionalEncoding', {}, ['srcEmbed']],
        ['encoder', 'TransformerEncoderBlock', { numHeads: 2, keyDim: 4, ffDim: 16 }, ['srcPos']],
        ['tgtEmbed', 'Embedding', { inputDim: 30, outputDim: 8 }, ['target']],
        [
          'decoder',
          'TransformerDecoderBlock',
          { numHeads: 2, keyDim: 4, ffDim: 16 },
          ['tgtEmbed', 'encoder'],
        ],
        ['logits', 'Dense', { units: 30, activation: 'softmax' }, ['decoder']],
        ['out', 'Output', {}, ['logits']],
      ),
    );
    expect(model.outputs[0].shape).toEqual([null, 5, 30]);
    const out = model.predict([tf.zeros([1, 6], 'int32'), tf.zeros([1, 5], 'int32')]) as tf.Tensor;
    expect(out.shape).toEqual([1, 5, 30]);
  });

  it('a bidirectional GRU classifier builds with Keras’ counts', () => {
    const model = compiled(
      graphOf(
        ['x', 'Input', { shape: [null, 3] }],
        ['rnn', 'Bidirectional', { layer: 'GRU', units: 4 }, ['x']],
        ['y', 'Dense', { units: 2, activation: 'softmax' }, ['rnn']],
        ['out', 'Output', {}, ['y']],
      ),
    );
    expect(model.countParams()).toBe(2 * 3 * (3 * 4 + 4 * 4 + 2 * 4) + 8 * 2 + 2);
  });
});
