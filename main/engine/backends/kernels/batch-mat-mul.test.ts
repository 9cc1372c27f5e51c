import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from './backend-parity.js';

describe('BatchMatMul on wasm', () => {
  it.each([
    { a: [40, 30], b: [40, 20], transposeA: true, transposeB: false },
    { a: [30, 40], b: [20, 40], transposeA: false, transposeB: true },
    { a: [40, 30], b: [20, 40], transposeA: true, transposeB: true },
    { a: [3, 12, 7], b: [3, 9, 12], transposeA: true, transposeB: true },
    { a: [2, 1, 12, 7], b: [3, 12, 5], transposeA: true, transposeB: false },
    { a: [500, 3], b: [500, 1], transposeA: true, transposeB: false },
    // Batches of products (attention): SIMD per product, padded where N is not a multiple of 16.
    { a: [6, 40, 16], b: [6, 16, 32], transposeA: false, transposeB: false },
    { a: [2, 3, 40, 16], b: [2, 3, 40, 16], transposeA: false, transposeB: true },
    { a: [4, 40, 40], b: [4, 40, 16], transposeA: true, transposeB: false },
    { a: [3, 7, 5], b: [3, 5, 9], transposeA: false, transposeB: false },
  ])('matches cpu for %j', async ({ a, b, transposeA, transposeB }) => {
    const as = seeded(a, 51);
    const bs = seeded(b, 52);
    const parity = await compareWithCpu(() =>
      tf.matMul(tensorOf(as), tensorOf(bs), transposeA, transposeB),
    );
    expect(parity.wasmShapes).toEqual(parity.cpuShapes);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });

  it('matches cpu for the gradients of a dense layer', async () => {
    const xs = seeded([16, 24], 53);
    const ws = seeded([24, 10], 54);
    const parity = await compareWithCpu(() =>
      tf.grads((x: tf.Tensor, w: tf.Tensor) => tf.matMul(x, w).square().sum())([
        tensorOf(xs),
        tensorOf(ws),
      ]),
    );
    expect(parity.relativeError).toBeLessThan(1e-4);
  });
});
