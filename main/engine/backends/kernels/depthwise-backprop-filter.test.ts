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

describe('DepthwiseConv2dNativeBackpropFilter on wasm', () => {
  it.each(cases)('matches cpu for filter %j', async ({ x, filter, strides, pad }) => {
    const xs = seeded(x, 11);
    const ws = seeded(filter, 12);
    const parity = await compareWithCpu(() => {
      const loss = (w: tf.Tensor) =>
        tf
          .depthwiseConv2d(tensorOf(xs) as tf.Tensor4D, w as tf.Tensor4D, strides, pad)
          .square()
          .sum();
      return tf.grad(loss)(tensorOf(ws));
    });
    expect(parity.wasmShapes).toEqual([filter]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });

  // tfjs refuses gradients of dilated depthwise convolutions and the cpu kernel ignores
  // dilations, so the reference is the undilated kernel over the spread filter, every d-th tap.
  it.each([
    { dilations: [2, 2], pad: 'valid', dy: [2, 5, 6, 6] },
    { dilations: [2, 3], pad: 'same', dy: [2, 9, 8, 6] },
  ])('matches the spread-filter reference with dilations %j', async ({ dilations, pad, dy }) => {
    const [dh, dw] = dilations as [number, number];
    const xs = seeded([2, 9, 8, 3], 13);
    const dys = seeded(dy, 14);
    const kernel = (filterShape: number[], d: number[]) =>
      tf
        .engine()
        .runKernel(
          'DepthwiseConv2dNativeBackpropFilter',
          { x: tensorOf(xs), dy: tensorOf(dys) },
          { strides: 1, dilations: d, pad, filterShape },
        ) as tf.Tensor;
    const parity = await compareWithCpu(
      () => kernel([3, 2, 3, 2], dilations),
      () => {
        const spread = kernel([2 * dh + 1, dw + 1, 3, 2], [1, 1]);
        return tf.stridedSlice(spread, [0, 0, 0, 0], [2 * dh + 1, dw + 1, 3, 2], [dh, dw, 1, 1]);
      },
    );
    expect(parity.wasmShapes).toEqual([[3, 2, 3, 2]]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });
});
