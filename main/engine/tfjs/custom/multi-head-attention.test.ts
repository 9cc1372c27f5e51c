import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MultiHeadAttention } from './multi-head-attention.js';
import { maxDifference, roundTrip } from './round-trip.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const options = { numHeads: 2, keyDim: 3, valueDim: 0, dropout: 0, causal: false };

/** Keras: per-head q/k/v kernels and biases, plus an output projection to the query size. */
const kerasCount = (dq: number, dkv: number, h: number, k: number, v: number) =>
  h * k * dq + h * k + h * k * dkv + h * k + h * v * dkv + h * v + h * v * dq + dq;

function selfAttentionModel(causal: boolean, steps = 5, d = 4) {
  const x = tf.input({ shape: [steps, d] });
  const layer = new MultiHeadAttention({ ...options, causal, name: 'mha' });
  return tf.model({ inputs: x, outputs: layer.apply(x) as tf.SymbolicTensor });
}

type Matrix = number[][];

/** Keras' attention written out with loops: softmax(q·kᵀ/√k [+ causal mask]) · v, per head. */
function referenceAttention(x: Matrix, w: tf.Tensor[], heads: number, causal: boolean): Matrix {
  const [wq, bq, wk, bk, wv, bv, wo, bo] = w.map((t) => t.arraySync()) as unknown as [
    number[][][],
    Matrix,
    number[][][],
    Matrix,
    number[][][],
    Matrix,
    number[][][],
    number[],
  ];
  const project = (kernel: number[][][], bias: Matrix, h: number) =>
    x.map((row) =>
      bias[h].map((b, j) => b + row.reduce((s, xi, i) => s + xi * kernel[i][h][j], 0)),
    );
  const out = x.map(() => [...bo]);
  for (let h = 0; h < heads; h++) {
    const [q, k, v] = [project(wq, bq, h), project(wk, bk, h), project(wv, bv, h)];
    q.forEach((qi, i) => {
      const scores = k.map((kj, j) =>
        causal && j > i
          ? -Infinity
          : qi.reduce((s, a, n) => s + a * kj[n], 0) / Math.sqrt(qi.length),
      );
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const total = e.reduce((a, b) => a + b, 0);
      const mixed = v[0].map((_, n) => v.reduce((s, vj, j) => s + (e[j] / total) * vj[n], 0));
      out[i] = out[i].map((o, f) => o + mixed.reduce((s, m, n) => s + m * wo[h][n][f], 0));
    });
  }
  return out;
}

describe('MultiHeadAttention (custom tfjs layer)', () => {
  it('computes what Keras’ attention computes, written out with loops', () => {
    for (const causal of [false, true]) {
      const model = selfAttentionModel(causal);
      // Random biases too: freshly built layers have zero biases, which would hide their use.
      model.setWeights(
        model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.5, 'float32', i)),
      );
      const x = tf.randomNormal([1, 5, 4], 0, 1, 'float32', 5);
      const expected = referenceAttention(
        (x.arraySync() as number[][][])[0],
        model.getWeights(),
        2,
        causal,
      );
      const actual = model.predict(x) as tf.Tensor;
      expect(maxDifference(actual, tf.tensor3d([expected]))).toBeLessThan(1e-5);
    }
  });

  it('keeps the query shape and has Keras’ weights for cross-attention', () => {
    const query = tf.input({ shape: [5, 6] });
    const source = tf.input({ shape: [7, 4] });
    const layer = new MultiHeadAttention({ ...options, valueDim: 5 });
    const out = layer.apply([query, source]) as tf.SymbolicTensor;
    expect(out.shape).toEqual([null, 5, 6]);
    expect(layer.countParams()).toBe(kerasCount(6, 4, 2, 3, 5));
    expect(layer.trainableWeights.length).toBe(8);
  });

  it('with causal masking, changing a later step leaves earlier outputs unchanged', () => {
    const model = selfAttentionModel(true);
    const x = tf.randomNormal([1, 5, 4], 0, 1, 'float32', 1);
    const changed = tf.concat([x.slice([0, 0, 0], [1, 3, 4]), tf.fill([1, 2, 4], 9)], 1);
    const [a, b] = [model.predict(x), model.predict(changed)] as tf.Tensor[];
    expect(maxDifference(a.slice([0, 0, 0], [1, 3, 4]), b.slice([0, 0, 0], [1, 3, 4]))).toBe(0);
    expect(
      maxDifference(a.slice([0, 3, 0], [1, 2, 4]), b.slice([0, 3, 0], [1, 2, 4])),
    ).toBeGreaterThan(1e-3);
  });

  it('without the mask, a later step does change earlier outputs', () => {
    const model = selfAttentionModel(false);
    const x = tf.randomNormal([1, 5, 4], 0, 1, 'float32', 2);
    const changed = tf.concat([x.slice([0, 0, 0], [1, 4, 4]), tf.fill([1, 1, 4], 9)], 1);
    const [a, b] = [model.predict(x), model.predict(changed)] as tf.Tensor[];
    expect(
      maxDifference(a.slice([0, 0, 0], [1, 1, 4]), b.slice([0, 0, 0], [1, 1, 4])),
    ).toBeGreaterThan(1e-4);
  });

  it('survives a save/load round trip with equal predictions and config', async () => {
    const model = selfAttentionModel(true);
    const loaded = await roundTrip(model);
    const x = tf.randomNormal([2, 5, 4], 0, 1, 'float32', 3);
    expect(maxDifference(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
    expect(loaded.getLayer('mha').getConfig()).toEqual(model.getLayer('mha').getConfig());
  });

  it('trains: gradients reach every weight that affects the output', () => {
    const model = selfAttentionModel(false);
    const x = tf.randomNormal([2, 5, 4], 0, 1, 'float32', 4);
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(model.predict(x) as tf.Tensor)));
    for (const w of model.trainableWeights) {
      const largest = tf.max(tf.abs(grads[w.name])).dataSync()[0];
      // The key bias shifts every score of a query equally, which softmax cancels.
      if (w.originalName.endsWith('key/bias')) expect(largest).toBeLessThan(1e-5);
      else expect(largest).toBeGreaterThan(1e-3);
    }
  });
});
