import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from './backend-parity.js';

describe('Add on wasm', () => {
  it.each([
    // A bias along the last axis, in fours: the WebAssembly pass.
    { a: [2, 5, 5, 8], b: [8] },
    { a: [8], b: [3, 8] },
    { a: [2, 3, 4], b: [1, 1, 4] },
    { a: [1, 4], b: [4] },
    // Everything else: wasm's own Add.
    { a: [2, 3], b: [3] },
    { a: [4, 8], b: [4, 8] },
    { a: [4, 8], b: [4, 1] },
  ])('matches cpu for %j', async ({ a, b }) => {
    const as = seeded(a, 51);
    const bs = seeded(b, 52);
    const parity = await compareWithCpu(() => tf.add(tensorOf(as), tensorOf(bs)));
    expect(parity.wasmShapes).toEqual(parity.cpuShapes);
    expect(parity.relativeError).toBeLessThan(1e-6);
  });
});
