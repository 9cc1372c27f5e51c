import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KerasGRU } from './gru.js';
import { maxDifference, roundTrip } from './round-trip.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * Keras' GRUCell with reset_after=True, step by step in plain numbers:
 * z = σ(x·Wz + bz + h·Uz + b'z), r = σ(… r …), h̃ = tanh(x·Wh + bh + r ⊙ (h·Uh + b'h)),
 * h ← z ⊙ h + (1 − z) ⊙ h̃; gate blocks ordered z, r, h.
 */
function referenceGRU(xs: number[][], kernel: number[][], recurrent: number[][], bias: number[][]) {
  const units = recurrent.length;
  let h = new Array<number>(units).fill(0);
  const outputs: number[][] = [];
  for (const x of xs) {
    const gate = (g: number, j: number) => {
      const col = g * units + j;
      const fromX = x.reduce((s, xi, i) => s + xi * kernel[i][col], bias[0][col]);
      const fromH = h.reduce((s, hi, i) => s + hi * recurrent[i][col], bias[1][col]);
      return [fromX, fromH];
    };
    h = h.map((previous, j) => {
      const z = sigmoid(gate(0, j)[0] + gate(0, j)[1]);
      const r = sigmoid(gate(1, j)[0] + gate(1, j)[1]);
      const [xh, hh] = gate(2, j);
      return z * previous + (1 - z) * Math.tanh(xh + r * hh);
    });
    outputs.push(h);
  }
  return outputs;
}

function gruModel(returnSequences: boolean, bidirectional = false) {
  const x = tf.input({ shape: [4, 3] });
  const gru = new KerasGRU({ units: 2, returnSequences, name: 'gru' });
  const layer = bidirectional ? tf.layers.bidirectional({ layer: gru, name: 'bi' }) : gru;
  const model = tf.model({ inputs: x, outputs: layer.apply(x) as tf.SymbolicTensor });
  // Random biases too: a fresh layer's zero biases would hide mistakes in their use.
  model.setWeights(
    model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.7, 'float32', i)),
  );
  return model;
}

describe('KerasGRU (custom tfjs layer)', () => {
  it('computes Keras’ reset-after GRU, checked against a step-by-step reference', () => {
    const model = gruModel(true);
    const x = tf.randomNormal([1, 4, 3], 0, 1, 'float32', 7);
    const [kernel, recurrent, bias] = model.getWeights().map((w) => w.arraySync()) as number[][][];
    const expected = referenceGRU((x.arraySync() as number[][][])[0], kernel, recurrent, bias);
    expect(maxDifference(model.predict(x) as tf.Tensor, tf.tensor3d([expected]))).toBeLessThan(
      1e-5,
    );
  });

  it('keeps Keras’ weight shapes: kernel, recurrent_kernel and a [2, 3u] bias', () => {
    const shapes = gruModel(false).weights.map((w) => w.shape);
    expect(shapes).toEqual([
      [3, 6],
      [2, 6],
      [2, 6],
    ]);
  });

  it.each([false, true])(
    'survives a save/load round trip (inside Bidirectional: %s)',
    async (bidirectional) => {
      const model = gruModel(false, bidirectional);
      const loaded = await roundTrip(model);
      const x = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 8);
      expect(maxDifference(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
      expect(loaded.countParams()).toBe(model.countParams());
    },
  );

  it('trains: one fit step changes every weight', async () => {
    const model = gruModel(false);
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const before = model.getWeights().map((w) => w.clone());
    await model.fit(tf.randomNormal([4, 4, 3]), tf.randomNormal([4, 2]), { epochs: 1, verbose: 0 });
    model.getWeights().forEach((w, i) => expect(maxDifference(w, before[i])).toBeGreaterThan(0));
  });
});
