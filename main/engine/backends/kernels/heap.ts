import type { DataId, DataType, KernelBackend, TensorInfo } from '@tensorflow/tfjs';
import { heapKernels } from '../simd/heap-kernels.js';
import type { HeapKernels } from '../simd/heap-kernels.js';

/** The part of tfjs-backend-wasm's backend that exposes tensors in its heap without copying. */
interface HeapBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  getMemoryOffset(dataId: DataId): number;
}

function isHeapBackend(backend: KernelBackend): backend is KernelBackend & HeapBackend {
  const candidate = backend as Partial<HeapBackend>;
  return (
    typeof candidate.makeOutput === 'function' &&
    typeof candidate.typedArrayFromHeap === 'function' &&
    typeof candidate.getMemoryOffset === 'function'
  );
}

/**
 * Float32 access for kernels written in JavaScript: inputs are read in place where the backend
 * allows it (wasm's `readSync` copies), and the output is allocated where the backend keeps it.
 * Inputs are viewed only after the output exists, since growing the heap detaches older views.
 * `kernelBackend` is what a kernel receives, which tfjs types as `{}`.
 */
export function float32Kernel(
  kernelBackend: object,
  inputs: TensorInfo[],
  outShape: number[],
  compute: (out: Float32Array, ...views: Float32Array[]) => void,
): TensorInfo {
  const backend = kernelBackend as KernelBackend;
  if (isHeapBackend(backend)) {
    const out = backend.makeOutput(outShape, 'float32');
    const outView = backend.typedArrayFromHeap(out) as Float32Array;
    outView.fill(0);
    compute(outView, ...inputs.map((info) => backend.typedArrayFromHeap(info) as Float32Array));
    return out;
  }
  const size = outShape.reduce((a, b) => a * b, 1);
  const outValues = new Float32Array(size);
  compute(outValues, ...inputs.map((info) => backend.readSync(info.dataId) as Float32Array));
  return {
    dataId: backend.write(outValues, outShape, 'float32'),
    shape: outShape,
    dtype: 'float32',
  };
}

/**
 * Runs one of the WebAssembly kernels on float32 tensors in the backend's memory: `run` gets
 * the kernels, the output's byte offset, then the inputs'. Answers undefined where they cannot
 * run (no wasm memory, or not assembled yet), for the caller to take its JavaScript path.
 * `zeroed` clears the output first, for kernels that leave parts of it unwritten.
 */
export function heapKernel(
  kernelBackend: object,
  inputs: TensorInfo[],
  outShape: number[],
  zeroed: boolean,
  run: (kernels: HeapKernels, out: number, ...ins: number[]) => void,
): TensorInfo | undefined {
  const backend = kernelBackend as KernelBackend;
  const kernels = heapKernels(backend);
  if (kernels === undefined || !isHeapBackend(backend)) return undefined;
  const out = backend.makeOutput(outShape, 'float32');
  if (zeroed) backend.typedArrayFromHeap(out).fill(0);
  const offset = (info: TensorInfo) => backend.getMemoryOffset(info.dataId);
  run(kernels, offset(out), ...inputs.map(offset));
  return out;
}

/** `heapKernel` for a kernel with no JavaScript path: `kernelName` says which one could not run. */
export function requireHeapKernel(
  kernelName: string,
  ...args: Parameters<typeof heapKernel>
): TensorInfo {
  const out = heapKernel(...args);
  if (out === undefined) {
    throw new Error(
      `${kernelName} on wasm needs Strata's WebAssembly kernels, which are not loaded: ` +
        'start the backend with loadWasmBackend().',
    );
  }
  return out;
}
