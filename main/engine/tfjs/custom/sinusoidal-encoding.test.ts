import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxDifference, roundTrip } from './round-trip.js';
import { SinusoidalPositionalEncoding } from './sinusoidal-encoding.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('SinusoidalPositionalEncoding (custom tfjs layer)', () => {
  it('adds sin/cos of position over wavelengths set by maxWavelength', () => {
    const x = tf.input({ shape: [null, 4] });
    const layer = new SinusoidalPositionalEncoding({ maxWavelength: 100 });
    const m = tf.model({ inputs: x, outputs: layer.apply(x) as tf.SymbolicTensor });
    const out = (m.predict(tf.zeros([1, 3, 4])) as tf.Tensor).arraySync() as number[][][];
    // Vaswani et al. with w = 100, d = 4: feature pairs (0,1) at angle p, (2,3) at p / 100^(2/4).
    const p = 2;
    expect(out[0][p]).toEqual([
      expect.closeTo(Math.sin(p), 5),
      expect.closeTo(Math.cos(p), 5),
      expect.closeTo(Math.sin(p / 10), 5),
      expect.closeTo(Math.cos(p / 10), 5),
    ]);
    expect(layer.countParams()).toBe(0);
  });

  it('survives a save/load round trip with equal predictions and config', async () => {
    const x = tf.input({ shape: [5, 3] });
    const layer = new SinusoidalPositionalEncoding({ maxWavelength: 50, name: 'sin' });
    const m = tf.model({ inputs: x, outputs: layer.apply(x) as tf.SymbolicTensor });
    const loaded = await roundTrip(m);
    const batch = tf.randomNormal([2, 5, 3]);
    expect(maxDifference(m.predict(batch) as tf.Tensor, loaded.predict(batch) as tf.Tensor)).toBe(
      0,
    );
    expect(loaded.getLayer('sin').getConfig()).toEqual(m.getLayer('sin').getConfig());
  });
});
