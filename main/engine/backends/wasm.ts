import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { completeTrainingKernels } from './kernels/index.js';

/** How the wasm backend runs once loaded: which binary and how many threads. */
export interface WasmDetail {
  simd: boolean;
  threads: number;
  kernels: string[];
}

/**
 * Loads `@tensorflow/tfjs-backend-wasm` under Node with its binaries read from the package's own
 * `dist` folder (not the page's URL, which it would guess in a browser or a packaged app), and
 * registers the kernels training needs. Call before selecting the backend.
 */
export function loadWasmBackend(): Promise<void> {
  // setWasmPaths throws once the backend has initialised, so the load happens once per process.
  loading ??= load();
  return loading;
}

let loading: Promise<void> | undefined;

async function load(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  wasm.setWasmPaths(`${dist}/`);
  completeTrainingKernels('wasm');
}

/** Describes the wasm backend after `tf.setBackend('wasm')` has succeeded. */
export async function describeWasm(): Promise<WasmDetail> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  return {
    simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: wasm.getThreadsCount(),
    kernels: completeTrainingKernels('wasm'),
  };
}
