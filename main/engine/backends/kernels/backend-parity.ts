import * as tf from '@tensorflow/tfjs';
import { loadWasmBackend } from '../wasm.js';

/** Values both backends start from: seeded, so every run and backend sees the same numbers. */
export function seeded(shape: number[], seed: number): { values: Float32Array; shape: number[] } {
  const values = tf.tidy(() => tf.randomNormal(shape, 0, 1, 'float32', seed).dataSync());
  return { values: Float32Array.from(values), shape };
}

/** Builds a tensor from `seeded` values on whichever backend is active. */
export function tensorOf(data: { values: Float32Array; shape: number[] }): tf.Tensor {
  return tf.tensor(data.values, data.shape);
}

/** Runs `compute` on one backend and returns every output's values and shape. */
async function runOn(
  backend: string,
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<{ values: Float32Array; shape: number[] }[]> {
  await tf.setBackend(backend);
  await tf.ready();
  return tf.tidy(() => {
    const out = compute();
    return (Array.isArray(out) ? out : [out]).map((t) => ({
      values: Float32Array.from(t.dataSync()),
      shape: t.shape,
    }));
  });
}

/** The wasm run of `compute` against the cpu run: shapes, and the largest relative difference. */
export interface Parity {
  wasmShapes: number[][];
  cpuShapes: number[][];
  /** max |wasm - cpu| over max |cpu|, the worst output. */
  relativeError: number;
}

/**
 * Runs `compute` on wasm with Strata's kernels and `reference` (by default the same function)
 * on cpu, and compares.
 */
export async function compareWithCpu(
  compute: () => tf.Tensor | tf.Tensor[],
  reference: () => tf.Tensor | tf.Tensor[] = compute,
): Promise<Parity> {
  await loadWasmBackend();
  const expected = await runOn('cpu', reference);
  const actual = await runOn('wasm', compute);
  let relativeError = 0;
  expected.forEach((ref, i) => {
    const got = actual[i]!;
    let scale = 0;
    let diff = got.values.length === ref.values.length ? 0 : Infinity;
    for (let k = 0; k < ref.values.length; k++) {
      scale = Math.max(scale, Math.abs(ref.values[k]!));
      diff = Math.max(diff, Math.abs((got.values[k] ?? NaN) - ref.values[k]!));
    }
    relativeError = Math.max(
      relativeError,
      Number.isNaN(diff) ? Infinity : diff / Math.max(scale, 1e-30),
    );
  });
  return {
    wasmShapes: actual.map((a) => a.shape),
    cpuShapes: expected.map((r) => r.shape),
    relativeError,
  };
}
