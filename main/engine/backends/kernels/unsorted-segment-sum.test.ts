import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from './backend-parity.js';

describe('UnsortedSegmentSum on wasm', () => {
  it('matches cpu for rows, scalars and repeated ids', async () => {
    const rows = seeded([7, 3, 2], 21);
    const scalars = seeded([7], 22);
    const ids = [4, 0, 4, 2, 0, 0, 5];
    const parity = await compareWithCpu(() => [
      tf.unsortedSegmentSum(tensorOf(rows), tf.tensor1d(ids, 'int32'), 6),
      tf.unsortedSegmentSum(tensorOf(scalars), tf.tensor1d(ids, 'int32'), 6),
    ]);
    expect(parity.wasmShapes).toEqual([[6, 3, 2], [6]]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });

  it('matches cpu for the gradient of an embedding lookup over a batch of sequences', async () => {
    const table = seeded([10, 4], 23);
    const tokens = tf.tidy(() =>
      Array.from(tf.randomUniform([3, 5], 0, 10, 'int32', 24).dataSync()),
    );
    const parity = await compareWithCpu(() => {
      const loss = (t: tf.Tensor) =>
        tf
          .gather(t, tf.tensor2d(tokens, [3, 5], 'int32'))
          .square()
          .sum();
      return tf.grad(loss)(tensorOf(table));
    });
    expect(parity.wasmShapes).toEqual([[10, 4]]);
    expect(parity.relativeError).toBeLessThan(1e-4);
  });
});
