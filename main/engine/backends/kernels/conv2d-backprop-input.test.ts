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
  // Input channels in fours take the product-and-col2im route.
  { x: [2, 13, 13, 8], filter: [3, 3, 8, 16], strides: 1, pad: 'valid' },
  { x: [2, 7, 6, 4], filter: [3, 3, 4, 5], strides: 2, pad: 'same' },
  { x: [1, 9, 8, 4], filter: [3, 2, 4, 3], strides: [2, 3], pad: 'valid' },
  { x: [2, 5, 5, 12], filter: [5, 5, 12, 2], strides: 1, pad: 'same' },
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
];

describe('Conv2DBackpropInput on wasm', () => {
  it.each(cases)(
    'matches cpu for the input gradient of %j',
    async ({ x, filter, strides, pad }) => {
      const xs = seeded(x, 5);
      const ws = seeded(filter, 6);
      const parity = await compareWithCpu(() => {
        const loss = (input: tf.Tensor) =>
          tf
            .conv2d(input as tf.Tensor4D, tensorOf(ws) as tf.Tensor4D, strides, pad)
            .square()
            .sum();
        return tf.grad(loss)(tensorOf(xs));
      });
      expect(parity.wasmShapes).toEqual([x]);
      expect(parity.relativeError).toBeLessThan(1e-4);
    },
  );

  it('matches cpu for a transposed convolution and both its gradients', async () => {
    const xs = seeded([2, 4, 5, 3], 7);
    const ws = seeded([3, 3, 2, 3], 8);
    const parity = await compareWithCpu(() => {
      const f = (x: tf.Tensor, w: tf.Tensor) =>
        tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, [2, 8, 10, 2], 2, 'same');
      const out = f(tensorOf(xs), tensorOf(ws));
      const grads = tf.grads((x: tf.Tensor, w: tf.Tensor) => f(x, w).square().sum())([
        tensorOf(xs),
        tensorOf(ws),
      ]);
      return [out, ...grads];
    });
    expect(parity.wasmShapes).toEqual([
      [2, 8, 10, 2],
      [2, 4, 5, 3],
      [3, 3, 2, 3],
    ]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });

  it('matches cpu for channels-first data', async () => {
    const dys = seeded([2, 4, 4, 4], 9);
    const filter = seeded([3, 3, 3, 4], 10);
    const parity = await compareWithCpu(
      () =>
        tf
          .engine()
          .runKernel(
            'Conv2DBackpropInput',
            { dy: tensorOf(dys), filter: tensorOf(filter) },
            { strides: 2, pad: 'same', dataFormat: 'NCHW', inputShape: [2, 3, 7, 8] },
          ) as tf.Tensor,
    );
    expect(parity.wasmShapes).toEqual([[2, 3, 7, 8]]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });
});
