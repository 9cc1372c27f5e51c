import type { DataType, KernelBackend, TensorInfo } from '@tensorflow/tfjs';

/** The part of tfjs-backend-wasm's backend that exposes tensors in its heap without copying. */
interface HeapBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

function isHeapBackend(backend: KernelBackend): backend is KernelBackend & HeapBackend {
  const candidate = backend as Partial<HeapBackend>;
  return (
    typeof candidate.makeOutput === 'function' && typeof candidate.typedArrayFromHeap === 'function'
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
