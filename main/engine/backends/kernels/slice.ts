import { backend_util, slice_util } from '@tensorflow/tfjs';
import type {
  ConcatAttrs,
  KernelConfig,
  SliceAttrs,
  SplitVAttrs,
  TensorInfo,
} from '@tensorflow/tfjs';
import { withFastPath, type FastPath } from './fast-path.js';

// wasm's Slice reads its input with readSync, which copies the whole tensor out of the heap on
// every call (and SplitV, the gradient of every Concat, slices once per piece), and its Concat
// makes a subarray per row and input: 50,000 of them for an Inception module's 64×14×14 rows.
// These read and write the heap in place.

type Values = Float32Array | Int32Array | Uint8Array;

/** The part of tfjs-backend-wasm's backend that hands out views of its heap. */
interface HeapBackend {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Values;
}

function heapOf(backend: object): HeapBackend | undefined {
  const candidate = backend as Partial<HeapBackend>;
  return typeof candidate.makeOutput === 'function' &&
    typeof candidate.typedArrayFromHeap === 'function'
    ? (candidate as HeapBackend)
    : undefined;
}

const SHORT_RUN = 32; // below this, a loop beats making a subarray

function copyRun(from: Values, start: number, length: number, to: Values, at: number): void {
  if (length >= SHORT_RUN) {
    to.set(from.subarray(start, start + length), at);
  } else {
    for (let i = 0; i < length; i++) to[at + i] = from[start + i]!;
  }
}

/**
 * Copies the box [begin, begin + size) of `x` (row-major, of `shape`) into `out`. Trailing axes
 * the box spans whole join the innermost contiguous run, so most boxes are a few long runs.
 */
export function copyBox(
  x: Values,
  shape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  out: Values,
): void {
  const rank = shape.length;
  if (rank === 0) {
    out[0] = x[0]!;
    return;
  }
  const strides = new Array<number>(rank);
  strides[rank - 1] = 1;
  for (let d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1]! * shape[d + 1]!;
  // Axes after `k` are taken whole: one run covers size[k] rows of them.
  let k = rank - 1;
  while (k > 0 && size[k] === shape[k]) k--;
  const run = size[k]! * strides[k]!;
  const start = begin.reduce((sum, b, d) => sum + b * strides[d]!, 0);
  const index = new Array<number>(k).fill(0);
  let at = 0;
  for (;;) {
    let offset = start;
    for (let d = 0; d < k; d++) offset += index[d]! * strides[d]!;
    copyRun(x, offset, run, out, at);
    at += run;
    let d = k - 1;
    while (d >= 0 && ++index[d]! === size[d]!) index[d--] = 0;
    if (d < 0) return;
  }
}

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export function sliceConfig(native: KernelConfig): KernelConfig {
  const fast: FastPath = ({ inputs, backend, attrs }) => {
    const heap = heapOf(backend);
    const x = inputs.x as TensorInfo;
    if (heap === undefined || x.dtype === 'string') return undefined;
    const { begin, size } = attrs as unknown as SliceAttrs;
    const [begin_, size_] = slice_util.parseSliceParams(x as never, begin, size);
    const out = heap.makeOutput(size_, x.dtype);
    if (sizeOf(size_) > 0) {
      copyBox(heap.typedArrayFromHeap(x), x.shape, begin_, size_, heap.typedArrayFromHeap(out));
    }
    return out;
  };
  return withFastPath(native, fast);
}

export function splitVConfig(native: KernelConfig): KernelConfig {
  return {
    ...native,
    kernelFunc: (args) => {
      const heap = heapOf(args.backend);
      const x = args.inputs.x as TensorInfo;
      if (heap === undefined || x.dtype === 'string') return native.kernelFunc(args);
      const { numOrSizeSplits, axis } = args.attrs as unknown as SplitVAttrs;
      const dim = axis < 0 ? axis + x.shape.length : axis;
      const pieces = backend_util.prepareSplitSize(x as never, numOrSizeSplits, dim);
      const begin = x.shape.map(() => 0);
      return pieces.map((length) => {
        const size = [...x.shape];
        size[dim] = length;
        const out = heap.makeOutput(size, x.dtype);
        if (sizeOf(size) > 0) {
          copyBox(heap.typedArrayFromHeap(x), x.shape, begin, size, heap.typedArrayFromHeap(out));
        }
        begin[dim]! += length;
        return out;
      });
    },
  };
}

export function concatConfig(native: KernelConfig): KernelConfig {
  const fast: FastPath = ({ inputs, backend, attrs }) => {
    const heap = heapOf(backend);
    const parts = Object.values(inputs) as TensorInfo[];
    if (
      heap === undefined ||
      parts.length < 2 ||
      parts.some((t) => t.dtype === 'string' || sizeOf(t.shape) === 0)
    ) {
      return undefined;
    }
    const first = parts[0]!;
    const { axis } = attrs as unknown as ConcatAttrs;
    const dim = axis < 0 ? axis + first.shape.length : axis;
    const outShape = backend_util.computeOutShape(
      parts.map((t) => t.shape),
      dim,
    );
    const out = heap.makeOutput(outShape, first.dtype);
    const rows = sizeOf(first.shape.slice(0, dim));
    const widths = parts.map((t) => sizeOf(t.shape.slice(dim)));
    const total = widths.reduce((a, b) => a + b, 0);
    const to = heap.typedArrayFromHeap(out);
    let column = 0;
    parts.forEach((part, i) => {
      const from = heap.typedArrayFromHeap(part);
      const width = widths[i]!;
      for (let r = 0; r < rows; r++) copyRun(from, r * width, width, to, r * total + column);
      column += width;
    });
    return out;
  };
  return withFastPath(native, fast);
}
