import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from './backend-parity.js';

const cases: {
  x: number[];
  filter: number[];
  strides: number | [number, number];
  pad: 'same' | 'valid';
}[] = [
  { x: [2, 7, 6, 3], filter: [3, 3, 3, 1], strides: 1, pad: 'valid' },
  { x: [2, 7, 6, 3], filter: [3, 3, 3, 2], strides: 2, pad: 'same' },
  { x: [1, 9, 8, 2], filter: [3, 2, 2, 3], strides: [2, 3], pad: 'valid' },
  { x: [2, 5, 5, 1], filter: [5, 5, 1, 2], strides: 1, pad: 'same' },
  { x: [1, 8, 7, 4], filter: [2, 2, 4, 1], strides: 3, pad: 'same' },
];

describe('DepthwiseConv2dNativeBackpropInput on wasm', () => {
  it.each(cases)(
    'matches cpu for the input gradient of %j',
    async ({ x, filter, strides, pad }) => {
      const xs = seeded(x, 15);
      const ws = seeded(filter, 16);
      const parity = await compareWithCpu(() => {
        const loss = (input: tf.Tensor) =>
          tf
            .depthwiseConv2d(input as tf.Tensor4D, tensorOf(ws) as tf.Tensor4D, strides, pad)
            .square()
            .sum();
        return tf.grad(loss)(tensorOf(xs));
      });
      expect(parity.wasmShapes).toEqual([x]);
      expect(parity.relativeError).toBeLessThan(1e-4);
    },
  );

  // tfjs refuses gradients of dilated depthwise convolutions and the cpu kernel ignores
  // dilations, so the reference is the undilated kernel with zeros spread into the filter.
  it.each([
    { dilations: [2, 2], pad: 'valid', dy: [2, 5, 6, 6] },
    { dilations: [2, 3], pad: 'same', dy: [2, 9, 8, 6] },
  ])('matches the spread-filter reference with dilations %j', async ({ dilations, pad, dy }) => {
    const [dh, dw] = dilations as [number, number];
    const dys = seeded(dy, 17);
    const ws = seeded([3, 2, 3, 2], 18);
    const kernel = (filter: tf.Tensor, d: number[]) =>
      tf
        .engine()
        .runKernel(
          'DepthwiseConv2dNativeBackpropInput',
          { dy: tensorOf(dys), filter },
          { strides: 1, dilations: d, pad, inputShape: [2, 9, 8, 3] },
        ) as tf.Tensor;
    const parity = await compareWithCpu(
      () => kernel(tensorOf(ws), dilations),
      () => {
        // Zero-insert between taps: each tap row/column followed by d-1 zeros, trailing ones cut.
        const taps = tensorOf(ws).reshape([3, 1, 2, 1, 3, 2]);
        const gaps = tf.pad(taps, [
          [0, 0],
          [0, dh - 1],
          [0, 0],
          [0, dw - 1],
          [0, 0],
          [0, 0],
        ]);
        const spread = gaps
          .reshape([3 * dh, 2 * dw, 3, 2])
          .slice([0, 0, 0, 0], [2 * dh + 1, dw + 1, 3, 2]);
        return kernel(spread, [1, 1]);
      },
    );
    expect(parity.wasmShapes).toEqual([[2, 9, 8, 3]]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });
});
