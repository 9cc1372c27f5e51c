import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from '../../backends/kernels/backend-parity.js';
// Registers Strata's gradients, as the compiler does.
import './index.js';

/** Output and gradients (input, gamma, beta) of a training-mode batch norm over the last axis. */
function forwardAndGradients(
  norm: (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor,
  shape: number[],
): tf.Tensor[] {
  const x = tensorOf(seeded(shape, 1));
  const channels = shape[shape.length - 1]!;
  const gamma = tf.add(tensorOf(seeded([channels], 2)), 1);
  const beta = tensorOf(seeded([channels], 3));
  const upstream = tensorOf(seeded(shape, 4));
  const loss = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(norm(a, g, b), upstream));
  return [norm(x, gamma, beta), ...tf.grads(loss)([x, gamma, beta])];
}

const outerAxes = (x: tf.Tensor) => [...Array(x.rank - 1).keys()];

/** Through tf.batchNorm (the FusedBatchNorm kernel), as tfjs-layers' BatchNormalization trains. */
const fused = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => {
  const { mean, variance } = tf.moments(x, outerAxes(x));
  return tf.batchNorm(x, mean, variance, beta, gamma, 1e-3);
};

/** The same arithmetic in elementary ops, whose gradients tfjs derives independently. */
const elementary = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => {
  const { mean, variance } = tf.moments(x, outerAxes(x));
  const normalised = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-3)));
  return tf.add(tf.mul(normalised, gamma), beta);
};

describe('the FusedBatchNorm gradient', () => {
  it.each([[[6, 5]], [[4, 3, 5]], [[2, 4, 4, 3]]])(
    'equals the elementary ops\u2019 gradient on %j, on cpu and wasm',
    async (shape) => {
      const parity = await compareWithCpu(
        () => forwardAndGradients(fused, shape),
        () => forwardAndGradients(elementary, shape),
      );
      expect(parity.wasmShapes).toEqual(parity.cpuShapes);
      expect(parity.relativeError).toBeLessThan(1e-4);
    },
  );

  it('broadcasts the per-channel factor instead of tiling it to the input', async () => {
    await tf.setBackend('cpu');
    const profile = await tf.profile(() => forwardAndGradients(fused, [8, 6, 6, 4]));
    expect(profile.kernels.map((k) => k.name)).not.toContain('Tile');
  });
});
