import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

/**
 * Whether to run tfjs-backend-wasm's threaded build. tfjs gives XNNPACK half the logical cores
 * (it assumes two hardware threads per core), so with fewer than four there would be one
 * thread and nothing to gain. STRATA_WASM_THREADS=1 forces it (tests), =0 forbids it. Either
 * way a process run with code on its command line (node -e) cannot have it: its threads are
 * workers, which inherit the command line's flags, and --input-type fails them.
 */
export function wantsThreads(
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
): boolean {
  const inline = execArgv.some((flag) => /^(-e|-p|--eval|--print|--input-type)\b/.test(flag));
  if (inline || env.STRATA_WASM_THREADS === '0') return false;
  return env.STRATA_WASM_THREADS === '1' || availableParallelism() >= 4;
}

/** The Emscripten module of the threaded build, as far as this file and tfjs use it. */
interface ThreadedModule {
  cwrap(name: string, returns: string | null, args: string[]): (...args: number[]) => number;
  PThread: { unusedWorkers: NodeWorker[]; runningWorkers: NodeWorker[] };
  tfjs?: unknown;
}

interface NodeWorker {
  unref(): void;
}

type Factory = (config: {
  locateFile(path: string): string;
  mainScriptUrlOrBlob: string;
}) => Promise<ThreadedModule>;

/** Where tfjs-backend-wasm keeps its binaries (dist) and Emscripten's scripts (wasm-out). */
export interface WasmFolders {
  dist: string;
  wasmOut: string;
  require: NodeJS.Require;
}

/**
 * Registers a 'wasm' backend that runs the threaded build under Node, which tfjs itself turns
 * off: its pthread workers start from blob: URLs, and Node's worker_threads load only files. So
 * the worker script is written to a file, and the main script is given by path. Everything
 * else (kernels, memory, thread count) is tfjs's own.
 */
export async function registerThreadedWasm(folders: WasmFolders): Promise<void> {
  const mainScript = join(folders.wasmOut, 'tfjs-backend-wasm-threaded-simd.js');
  const workerScript = await writeWorkerScript(folders);
  const factory = folders.require(mainScript) as Factory;
  // Imported here, not at the top: importing the package registers its backend, which would
  // make it the default before anyone asked for it.
  const { BackendWasm } = await import('@tensorflow/tfjs-backend-wasm');
  tf.removeBackend('wasm');
  tf.registerBackend(
    'wasm',
    async () => {
      const module = await factory({
        locateFile: (path) =>
          path.endsWith('.worker.js') ? workerScript : join(folders.dist, path),
        mainScriptUrlOrBlob: mainScript,
      });
      module.tfjs = {
        init: module.cwrap('init', null, []),
        initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
        getThreadsCount: module.cwrap('get_threads_count', 'number', []),
        registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
        disposeData: module.cwrap('dispose_data', null, ['number']),
        dispose: module.cwrap('dispose', null, []),
      };
      // tfjs' typings name its own module type, which this one matches at run time.
      const backend = new BackendWasm(
        module as unknown as ConstructorParameters<typeof BackendWasm>[0],
      );
      // The threads idle between kernels; they must not keep the process alive at its end.
      for (const worker of [...module.PThread.unusedWorkers, ...module.PThread.runningWorkers]) {
        worker.unref();
      }
      return backend;
    },
    2,
  );
}

/**
 * The pthread worker script tfjs ships as a string, as a file the workers can load. It goes to
 * a folder of this process's own (mkdtemp: a fresh name, readable by this user only), never to
 * a fixed path in the shared temp folder, where another user could put their own script first.
 */
export async function writeWorkerScript({ wasmOut, require }: WasmFolders): Promise<string> {
  const { wasmWorkerContents } = require(
    join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js'),
  ) as { wasmWorkerContents: string };
  // The string was a template literal: its "\n" escapes became newlines inside JS strings.
  const script = wasmWorkerContents.replace(/\n/g, '\\n');
  const folder = await mkdtemp(join(tmpdir(), 'strata-wasm-'));
  const file = join(folder, 'worker.cjs');
  await writeFile(file, script, { mode: 0o600 });
  // The workers have read the file once they start, so it goes with the process.
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return file;
}
