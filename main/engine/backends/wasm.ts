import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { completeTrainingKernels } from './kernels/index.js';
import { prepareHeapKernels } from './simd/heap-kernels.js';
import { registerThreadedWasm, wantsThreads } from './wasm-threads.js';

/**
 * Loads `@tensorflow/tfjs-backend-wasm` under Node with its binaries read from the package's own
 * `dist` folder (not the page's URL, which it would guess in a browser or a packaged app), as
 * its threaded build where that has threads to give, and registers the kernels training needs.
 * Call before selecting the backend.
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
  // In the packaged app the binaries are unpacked beside app.asar (electron-builder.yml): the
  // threaded build's workers load them by path, and workers cannot read inside the archive.
  const root = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')).replace(
    /([\\/])app\.asar([\\/])/,
    '$1app.asar.unpacked$2',
  );
  const dist = join(root, 'dist');
  wasm.setWasmPaths(`${dist}/`);
  const threads = wantsThreads();
  if (threads) await registerThreadedWasm({ dist, wasmOut: join(root, 'wasm-out'), require });
  await prepareHeapKernels(threads ? 'shared' : 'plain');
  completeTrainingKernels('wasm');
}

/**
 * Describes the wasm backend after `tf.setBackend('wasm')` has succeeded: SIMD, and how many
 * threads XNNPACK has (several only with the threaded build; see `wantsThreads`).
 */
export async function describeWasm(): Promise<string> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
  const threads = wasm.getThreadsCount();
  const kernels = completeTrainingKernels('wasm').length;
  return `${simd}, ${threads} thread${threads === 1 ? '' : 's'}, ${kernels} training kernels added`;
}
