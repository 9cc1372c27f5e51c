import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from './backend-parity.js';
import { copyBox } from './slice.js';

describe('Slice, SplitV and Concat on wasm, reading the heap in place', () => {
  it.each([
    { shape: [7, 9], begin: [2, 3], size: [4, 5] },
    { shape: [7, 9], begin: [1, 0], size: [3, 9] }, // whole rows: one run
    { shape: [4, 5, 6], begin: [1, 2, 0], size: [2, 3, 6] },
    { shape: [4, 5, 6], begin: [0, 0, 3], size: [4, 5, 2] },
    { shape: [3, 4, 5, 6], begin: [1, 1, 1, 1], size: [2, 2, 3, 4] },
    { shape: [2, 3, 4, 5, 6], begin: [0, 1, 0, 2, 1], size: [2, 2, 4, 3, 5] },
    { shape: [64, 40], begin: [0, 7], size: [64, 1] },
  ])('Slice matches cpu for %j', async ({ shape, begin, size }) => {
    const x = seeded(shape, 61);
    const parity = await compareWithCpu(() => [
      tf.slice(tensorOf(x), begin, size),
      tf.slice(tf.cast(tf.mul(tensorOf(x), 10), 'int32'), begin, size).toFloat(),
    ]);
    expect(parity.wasmShapes).toEqual(parity.cpuShapes);
    expect(parity.relativeError).toBe(0);
  });

  it.each([
    { shape: [6, 10], splits: [3, 7], axis: 1 },
    { shape: [6, 10], splits: 2, axis: 0 },
    { shape: [2, 5, 5, 56], splits: [16, 24, 8, 8], axis: -1 },
  ])('SplitV matches cpu for %j', async ({ shape, splits, axis }) => {
    const x = seeded(shape, 62);
    const parity = await compareWithCpu(() => tf.split(tensorOf(x), splits, axis));
    expect(parity.wasmShapes).toEqual(parity.cpuShapes);
    expect(parity.relativeError).toBe(0);
  });

  it.each([
    {
      shapes: [
        [2, 5, 5, 16],
        [2, 5, 5, 24],
        [2, 5, 5, 8],
      ],
      axis: -1,
    },
    {
      shapes: [
        [3, 40],
        [3, 40],
      ],
      axis: 1,
    },
    {
      shapes: [
        [2, 3],
        [4, 3],
      ],
      axis: 0,
    },
  ])('Concat and its gradient match cpu for %j', async ({ shapes, axis }) => {
    const xs = shapes.map((shape, i) => seeded(shape, 63 + i));
    const parity = await compareWithCpu(() => {
      const inputs = xs.map(tensorOf);
      const out = tf.concat(inputs, axis);
      const upstream = tensorOf(seeded(out.shape, 70));
      const grads = tf.grads((...a: tf.Tensor[]) => tf.sum(tf.mul(tf.concat(a, axis), upstream)))(
        inputs,
      );
      return [out, ...grads];
    });
    expect(parity.wasmShapes).toEqual(parity.cpuShapes);
    expect(parity.relativeError).toBe(0);
  });

  it('copies a box in runs as long as the axes it spans whole allow', () => {
    const x = Float32Array.from({ length: 24 }, (_, i) => i);
    const out = new Float32Array(8);
    copyBox(x, [2, 3, 4], [0, 1, 0], [2, 1, 4], out);
    expect(Array.from(out)).toEqual([4, 5, 6, 7, 16, 17, 18, 19]);
  });
});
