import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from './backend-parity.js';

// Numeric padding is left out: wasm's own forward Conv2D corrupts its heap with it (tfjs 4.22).
type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
const cases: { x: number[]; filter: number[]; strides: number | [number, number]; pad: Pad }[] = [
  { x: [2, 7, 6, 3], filter: [3, 3, 3, 4], strides: 1, pad: 'valid' },
  { x: [2, 7, 6, 3], filter: [3, 3, 3, 4], strides: 2, pad: 'same' },
  { x: [1, 9, 8, 2], filter: [3, 2, 2, 3], strides: [2, 3], pad: 'valid' },
  { x: [2, 5, 5, 1], filter: [5, 5, 1, 2], strides: 1, pad: 'same' },
  { x: [1, 8, 7, 2], filter: [2, 2, 2, 5], strides: 3, pad: 'same' },
  { x: [1, 6, 6, 2], filter: [1, 1, 2, 2], strides: 2, pad: 'valid' },
  {
    x: [3, 11, 9, 4],
    filter: [4, 3, 4, 3],
    strides: 2,
    pad: [
      [0, 0],
      [1, 2],
      [2, 1],
      [0, 0],
    ],
  },
  // More than 32 taps (filter positions × input channels): the product runs on XNNPACK.
  { x: [2, 7, 6, 8], filter: [3, 3, 8, 4], strides: 1, pad: 'valid' },
  { x: [2, 7, 6, 8], filter: [3, 3, 8, 4], strides: 2, pad: 'same' },
  { x: [1, 9, 8, 5], filter: [3, 2, 5, 3], strides: [2, 3], pad: 'valid' },
  { x: [1, 8, 7, 8], filter: [2, 2, 8, 5], strides: 3, pad: 'same' },
  // Few taps and filters in sixteens: the WebAssembly tall product (a first layer).
  { x: [2, 9, 8, 1], filter: [3, 3, 1, 16], strides: 1, pad: 'valid' },
  { x: [2, 9, 8, 3], filter: [3, 3, 3, 32], strides: 2, pad: 'same' },
  // More pixels than one block of the product's inner loop (512).
  { x: [3, 17, 15, 2], filter: [4, 4, 2, 16], strides: 1, pad: 'same' },
];

describe('Conv2DBackpropFilter on wasm', () => {
  it.each(cases)('matches cpu for filter %j', async ({ x, filter, strides, pad }) => {
    const xs = seeded(x, 1);
    const ws = seeded(filter, 2);
    const parity = await compareWithCpu(() => {
      const weights = tensorOf(ws) as tf.Tensor4D;
      const loss = (w: tf.Tensor) =>
        tf
          .conv2d(tensorOf(xs) as tf.Tensor4D, w as tf.Tensor4D, strides, pad)
          .square()
          .sum();
      return tf.grad(loss)(weights);
    });
    expect(parity.wasmShapes).toEqual([filter]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });

  it('matches cpu for channels-first data', async () => {
    const xs = seeded([2, 3, 7, 6], 3);
    const dys = seeded([2, 16, 4, 3], 4);
    const parity = await compareWithCpu(
      () =>
        tf
          .engine()
          .runKernel(
            'Conv2DBackpropFilter',
            { x: tensorOf(xs), dy: tensorOf(dys) },
            { strides: 2, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 3, 16] },
          ) as tf.Tensor,
    );
    expect(parity.wasmShapes).toEqual([[3, 3, 3, 16]]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });
});
