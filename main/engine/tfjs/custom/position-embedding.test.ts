import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PositionEmbedding } from './position-embedding.js';
import { maxDifference, roundTrip } from './round-trip.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function model(steps: number | null) {
  const x = tf.input({ shape: [steps, 3] });
  const layer = new PositionEmbedding({ maxLength: 6, name: 'positions' });
  return tf.model({ inputs: x, outputs: layer.apply(x) as tf.SymbolicTensor });
}

describe('PositionEmbedding (custom tfjs layer)', () => {
  it('adds row p of its table to step p, whatever the sequence length', () => {
    const m = model(null);
    const table = m.getWeights()[0];
    const x = tf.randomNormal([2, 4, 3]);
    const expected = tf.add(x, table.slice([0, 0], [4, 3]));
    expect(maxDifference(m.predict(x) as tf.Tensor, expected)).toBeLessThan(1e-6);
  });

  it('refuses sequences longer than maxLength with a message naming both', () => {
    expect(() => model(null).predict(tf.zeros([1, 7, 3]))).toThrow(/6 positions but got 7 steps/);
  });

  it('survives a save/load round trip with equal predictions', async () => {
    const m = model(5);
    const loaded = await roundTrip(m);
    const x = tf.randomNormal([2, 5, 3]);
    expect(maxDifference(m.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
    expect(loaded.getLayer('positions').getConfig()).toEqual(m.getLayer('positions').getConfig());
  });
});
