import { KERNEL_BINARIES } from './kernel-binaries.js';
import type { MemoryKind } from './kernel-sources.js';

export type { MemoryKind } from './kernel-sources.js';

/**
 * Where a convolution's filter taps read its input, as im2col and col2im take it: sizes in
 * NHWC, the filter's, strides and the padding before the first row and column.
 */
export type PatchGeometry = [
  images: number,
  inHeight: number,
  inWidth: number,
  channels: number,
  outHeight: number,
  outWidth: number,
  filterHeight: number,
  filterWidth: number,
  strideHeight: number,
  strideWidth: number,
  padTop: number,
  padLeft: number,
];

/** The kernels written in WebAssembly text; every argument is a byte offset or a size. */
export interface HeapKernels {
  maxPoolGrad2x2(
    x: number,
    dy: number,
    dx: number,
    images: number,
    inHeight: number,
    inWidth: number,
    channels: number,
    outHeight: number,
    outWidth: number,
  ): void;
  col2im(cols: number, dx: number, ...geometry: PatchGeometry): void;
  im2colTransposed(x: number, out: number, ...geometry: PatchGeometry): void;
  tallProduct(a: number, b: number, c: number, rows: number, inner: number, columns: number): void;
  columnSums(x: number, out: number, rows: number, columns: number): void;
  addToRows(x: number, bias: number, out: number, rows: number, columns: number): void;
}

/**
 * Compiles the kernels once per process, for the memory the backend will have: plain for
 * wasm's single-threaded build, shared for its threaded one (an import must say which). They
 * were assembled at build time (kernel-binaries.ts). Until this has finished, `heapKernels`
 * answers undefined and callers take their JavaScript paths.
 */
export function prepareHeapKernels(memory: MemoryKind): Promise<void> {
  preparing ??= Promise.all(
    Object.values(KERNEL_BINARIES[memory]).map((base64) =>
      WebAssembly.compile(Buffer.from(base64, 'base64')),
    ),
  ).then((modules) => {
    compiled = { memory, modules };
  });
  return preparing;
}

let preparing: Promise<void> | undefined;
let compiled: { memory: MemoryKind; modules: WebAssembly.Module[] } | undefined;

/**
 * The part of tfjs-backend-wasm's backend (an Emscripten module) that holds its memory: the
 * single-threaded build exports it, the threaded one creates it and keeps it on the module.
 */
interface MemoryOwner {
  wasm: { asm?: { memory?: WebAssembly.Memory }; wasmMemory?: WebAssembly.Memory };
}

function memoryOf(backend: object): WebAssembly.Memory | undefined {
  const wasm = (backend as Partial<MemoryOwner>).wasm;
  const memory = wasm?.asm?.memory ?? wasm?.wasmMemory;
  return memory instanceof WebAssembly.Memory ? memory : undefined;
}

const instances = new WeakMap<WebAssembly.Memory, HeapKernels>();

/**
 * The kernels running over `backend`'s own memory, so they read and write its tensors in place;
 * undefined for a backend without one (cpu), before `prepareHeapKernels` has finished, or for
 * memory of the other kind.
 */
export function heapKernels(backend: object): HeapKernels | undefined {
  const memory = memoryOf(backend);
  if (memory === undefined || compiled === undefined) return undefined;
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    const shared =
      typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    if (compiled.memory !== (shared ? 'shared' : 'plain')) return undefined;
    const exports = compiled.modules.map(
      (module) => new WebAssembly.Instance(module, { env: { memory } }).exports,
    );
    kernels = Object.assign({}, ...exports) as HeapKernels;
    instances.set(memory, kernels);
  }
  return kernels;
}
