import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from '../backends/kernels/backend-parity.js';
import { ADAM_UPDATE } from './fused-adam.js';
import { createOptimizer } from './optimizers.js';

const settings = {
  name: 'adam',
  learningRate: 0.01,
  beta1: 0.8,
  beta2: 0.95,
  momentum: 0,
  weightDecay: 0,
} as const;

/**
 * Five Adam steps on two variables with seeded gradients: the variables and both moments after,
 * through Strata's optimizer (`fused`) or tfjs' own AdamOptimizer with the same settings.
 */
function fiveSteps(fused: boolean): tf.Tensor[] {
  const optimizer = fused
    ? createOptimizer(settings)
    : tf.train.adam(settings.learningRate, settings.beta1, settings.beta2);
  const weights = [tf.variable(tensorOf(seeded([7, 5], 1))), tf.variable(tensorOf(seeded([5], 2)))];
  for (let step = 0; step < 5; step++) {
    // Seeds from 3: seed 0 would draw unseeded values.
    optimizer.applyGradients(
      weights.map((w, i) => ({
        name: w.name,
        tensor: tensorOf(seeded(w.shape, 10 * step + i + 3)),
      })),
    );
  }
  const moments = (
    optimizer as unknown as { accumulatedFirstMoment: { variable: tf.Variable }[] }
  ).accumulatedFirstMoment.map((m) => m.variable);
  const seconds = (
    optimizer as unknown as { accumulatedSecondMoment: { variable: tf.Variable }[] }
  ).accumulatedSecondMoment.map((m) => m.variable);
  return [...weights, ...moments, ...seconds].map((t) => t.clone());
}

describe('fused Adam', () => {
  it('updates variables and moments as tfjs’ Adam does, in one kernel per variable, on cpu', async () => {
    await tf.setBackend('cpu');
    const fused = fiveSteps(true);
    const stock = fiveSteps(false);
    expect(fused).toHaveLength(6);
    fused.forEach((t, i) => {
      const scale = tf.max(tf.abs(stock[i]!)).dataSync()[0]!;
      const diff = tf.max(tf.abs(tf.sub(t, stock[i]!))).dataSync()[0]!;
      expect(diff / scale).toBeLessThan(1e-5);
    });
    const profile = await tf.profile(() => void fiveSteps(true));
    const kernels = profile.kernels.map((k) => k.name);
    expect(kernels.filter((k) => k === ADAM_UPDATE)).toHaveLength(10); // 2 variables × 5 steps
    expect(kernels).not.toContain('Sqrt');
  });

  it('gives the same update on wasm as tfjs’ Adam on cpu', async () => {
    const parity = await compareWithCpu(
      () => fiveSteps(true),
      () => fiveSteps(false),
    );
    expect(parity.wasmShapes).toEqual(parity.cpuShapes);
    expect(parity.relativeError).toBeLessThan(1e-5);
  });
});
