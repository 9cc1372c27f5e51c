import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from './backend-parity.js';

const cases: {
  x: number[];
  pool: number | [number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid';
}[] = [
  { x: [2, 6, 6, 3], pool: 2, strides: 2, pad: 'valid' },
  { x: [2, 7, 5, 3], pool: 2, strides: 2, pad: 'valid' },
  // Channels in fours take the WebAssembly SIMD kernel; odd sizes leave a row and column out.
  { x: [2, 6, 6, 4], pool: 2, strides: 2, pad: 'valid' },
  { x: [2, 7, 5, 8], pool: 2, strides: 2, pad: 'valid' },
  { x: [1, 9, 9, 2], pool: 3, strides: 3, pad: 'valid' },
  { x: [1, 7, 6, 2], pool: 3, strides: 2, pad: 'same' },
  { x: [2, 5, 7, 4], pool: [2, 3], strides: [1, 2], pad: 'same' },
  { x: [1, 6, 6, 2], pool: 2, strides: 1, pad: 'valid' },
];

describe('MaxPoolGrad on wasm', () => {
  it.each(cases)('matches cpu for %j', async ({ x, pool, strides, pad }) => {
    const xs = seeded(x, 31);
    const parity = await compareWithCpu(() => {
      const input = tensorOf(xs) as tf.Tensor4D;
      // Distinct weights per output make a gradient routed to the wrong pixel visible.
      const pooledShape = tf.maxPool(input, pool, strides, pad).shape;
      const weights = tf.range(1, 1 + pooledShape.reduce((a, b) => a * b, 1)).reshape(pooledShape);
      const loss = (t: tf.Tensor) =>
        tf
          .maxPool(t as tf.Tensor4D, pool, strides, pad)
          .mul(weights)
          .sum();
      return tf.grad(loss)(input);
    });
    expect(parity.wasmShapes).toEqual([x]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });

  it.each([1, 4])(
    'sends tied windows (%i channels) their gradient at the first maximum, as cpu does',
    async (channels) => {
      // After a ReLU many windows are all zeros: ties everywhere. Each channel gets the same
      // pattern, turned, so every position wins somewhere.
      const pattern = [1, 3, 0, 2, 3, 3, 3, 1, 0, 0, 0, 0, 5, 5, 0, 0, NaN, 1, 2, 2];
      const values = new Float32Array(pattern.length * channels);
      values.forEach((_, i) => {
        const [pixel, channel] = [Math.floor(i / channels), i % channels];
        values[i] = pattern[(pixel + channel * 3) % pattern.length]!;
      });
      const xs = { values, shape: [1, 4, 5, channels] };
      const weights = tf.range(1, 1 + 4 * channels).reshape([1, 2, 2, channels]);
      const parity = await compareWithCpu(() =>
        tf.grad((t: tf.Tensor) =>
          tf
            .maxPool(t as tf.Tensor4D, 2, 2, 'valid')
            .mul(weights)
            .sum(),
        )(tensorOf(xs)),
      );
      expect(parity.relativeError).toBe(0);
    },
  );
});
