import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWasmBackend } from '../wasm.js';

/** Buffers the wasm backend holds in its memory (tfjs's engine counts tensors instead). */
const backendBuffers = () =>
  (tf.backend() as unknown as { dataIdMap: { numDataIds(): number } }).dataIdMap.numDataIds();

describe('Identity and Cast on wasm share memory', () => {
  beforeAll(async () => {
    await loadWasmBackend();
    await tf.setBackend('wasm');
  });

  it('gives a clone the same values, which outlive the original', () => {
    const before = backendBuffers();
    const x = tf.tensor([1, 2, 3, 4], [2, 2]);
    const copy = tf.clone(x);
    // One buffer, two tensors.
    expect(backendBuffers()).toBe(before + 1);
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3, 4]);
    copy.dispose();
    expect(backendBuffers()).toBe(before);
  });

  it('shares a cast to the same dtype and still converts to another', () => {
    const before = tf.memory().numBytes;
    const x = tf.tensor([1.5, -2.5, 3]);
    const same = tf.cast(x, 'float32');
    const ints = tf.cast(x, 'int32');
    expect(same.dtype).toBe('float32');
    expect(Array.from(same.dataSync())).toEqual([1.5, -2.5, 3]);
    expect(Array.from(ints.dataSync())).toEqual([1, -2, 3]);
    tf.dispose([x, same, ints]);
    expect(tf.memory().numBytes).toBe(before);
  });
});
