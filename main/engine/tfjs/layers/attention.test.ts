import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sequenceParity } from './sequence-parity.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Keras' MultiHeadAttention: q/k/v kernels [d, h, size] with biases [h, size]; output [h, v, dq] + [dq]. */
const kerasAttention = (dq: number, dkv: number, h: number, k: number, v = k) =>
  dq * h * k + h * k + dkv * h * k + h * k + dkv * h * v + h * v + h * v * dq + dq;
/** Keras' LayerNormalization (gamma, beta) and Dense (kernel, bias). */
const kerasNorm = (d: number) => 2 * d;
const kerasDense = (from: number, to: number) => from * to + to;

describe('attention builders', () => {
  it.each([
    { query: [5, 8], source: undefined, numHeads: 2, keyDim: 4, valueDim: 0, causal: false },
    { query: [5, 8], source: undefined, numHeads: 1, keyDim: 3, valueDim: 5, causal: true },
    { query: [4, 6], source: [7, 3], numHeads: 3, keyDim: 2, valueDim: 0, causal: false },
    { query: [null, 6], source: [null, 10], numHeads: 2, keyDim: 2, valueDim: 3, causal: false },
  ])('MultiHeadAttention $query over $source matches catalogue and Keras', (c) => {
    const shapes = c.source ? [c.query, c.source] : [c.query];
    const { catalogue, tfjs, model } = sequenceParity(
      'MultiHeadAttention',
      c,
      shapes.map((shape) => ({ shape })),
    );
    const [dq, dkv] = [c.query[1]!, (c.source ?? c.query)[1]!];
    expect(tfjs.shape).toEqual(catalogue.shape);
    expect(tfjs.shape).toEqual([null, ...c.query]);
    expect(tfjs.count).toBe(catalogue.count);
    expect(tfjs.count).toBe(kerasAttention(dq, dkv, c.numHeads, c.keyDim, c.valueDim || c.keyDim));
    const batch = shapes.map((s) => tf.randomNormal([2, s[0] ?? 3, s[1]!]));
    expect((model.predict(batch) as tf.Tensor).shape).toEqual([2, c.query[0] ?? 3, dq]);
  });

  it.each([
    { steps: 6, d: 8, numHeads: 2, keyDim: 4, ffDim: 16, ffActivation: 'relu', causal: false },
    { steps: null, d: 6, numHeads: 3, keyDim: 2, ffDim: 5, ffActivation: 'gelu', causal: true },
  ] as const)('TransformerEncoderBlock ($steps×$d) matches catalogue and Keras', (c) => {
    const { catalogue, tfjs } = sequenceParity('TransformerEncoderBlock', c, [
      { shape: [c.steps, c.d] },
    ]);
    expect(tfjs.shape).toEqual(catalogue.shape);
    expect(tfjs.shape).toEqual([null, c.steps, c.d]);
    expect(tfjs.count).toBe(catalogue.count);
    expect(tfjs.count).toBe(
      kerasAttention(c.d, c.d, c.numHeads, c.keyDim) +
        2 * kerasNorm(c.d) +
        kerasDense(c.d, c.ffDim) +
        kerasDense(c.ffDim, c.d),
    );
  });

  it.each([
    { target: [5, 8], memory: [7, 8], numHeads: 2, keyDim: 4, ffDim: 16 },
    { target: [null, 6], memory: [9, 4], numHeads: 1, keyDim: 3, ffDim: 7 },
  ])('TransformerDecoderBlock $target attending to $memory matches catalogue and Keras', (c) => {
    const { catalogue, tfjs } = sequenceParity('TransformerDecoderBlock', c, [
      { shape: c.target },
      { shape: c.memory },
    ]);
    const [d, e] = [c.target[1]!, c.memory[1]];
    expect(tfjs.shape).toEqual(catalogue.shape);
    expect(tfjs.shape).toEqual([null, ...c.target]);
    expect(tfjs.count).toBe(catalogue.count);
    expect(tfjs.count).toBe(
      kerasAttention(d, d, c.numHeads, c.keyDim) +
        kerasAttention(d, e, c.numHeads, c.keyDim) +
        3 * kerasNorm(d) +
        kerasDense(d, c.ffDim) +
        kerasDense(c.ffDim, d),
    );
  });
});
