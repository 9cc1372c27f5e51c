import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from './backend-parity.js';

describe('Sum on wasm', () => {
  it.each([
    { shape: [4, 3, 5], axes: [0, 1], keepDims: false },
    { shape: [4, 3, 5], axes: [1, 0], keepDims: true },
    { shape: [6, 2], axes: [0], keepDims: false },
    { shape: [2, 3, 4], axes: [2], keepDims: false },
    { shape: [2, 3, 4], axes: [0, 2], keepDims: true },
    // A last axis in fours takes the WebAssembly column sums.
    { shape: [4, 3, 8], axes: [0, 1], keepDims: false },
    { shape: [64, 9, 9, 32], axes: [0, 1, 2], keepDims: true },
  ])('matches cpu for %j', async ({ shape, axes, keepDims }) => {
    const xs = seeded(shape, 41);
    const parity = await compareWithCpu(() => tf.sum(tensorOf(xs), axes, keepDims));
    expect(parity.wasmShapes).toEqual(parity.cpuShapes);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });

  it('matches cpu for the bias gradient of a dense layer on images', async () => {
    const xs = seeded([2, 5, 5, 3], 42);
    const bias = seeded([3], 43);
    const parity = await compareWithCpu(() =>
      tf.grad((b: tf.Tensor) => tf.add(tensorOf(xs), b).square().sum())(tensorOf(bias)),
    );
    expect(parity.relativeError).toBeLessThan(1e-4);
  });
});
