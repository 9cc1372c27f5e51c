import type { BatchMatMulAttrs, KernelBackend, TensorInfo } from '@tensorflow/tfjs';
import { heapKernels } from '../simd/heap-kernels.js';
import type { FastPath } from './fast-path.js';
import { composed } from './kernel-scope.js';

/** The part of tfjs-backend-wasm's backend that places tensors in its heap. */
interface HeapBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
  getMemoryOffset(dataId: object): number;
}

const COLUMNS = 16; // tallProduct's column block

/** The permutation that swaps the last two axes. */
function swapLast(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm.splice(-2, 2, rank - 1, rank - 2);
  return perm;
}

/**
 * BatchMatMul over a batch of several products (attention's scores and their gradients: one
 * product per example and head). wasm hands XNNPACK only a batch of one and runs the others in
 * a scalar loop at a fifth of its speed; here each product is a SIMD `tallProduct` over the
 * heap. A transposed or narrow right operand (columns not a multiple of 16) is transposed and
 * padded per product in one pass; a transposed left one is transposed first. Broadcast batches
 * take the native path.
 */
export function batchedProduct(backendName: string): FastPath {
  return ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    const kernels = heapKernels(backend);
    const outer = a.shape.slice(0, -2);
    const batch = outer.reduce((p, d) => p * d, 1);
    if (
      kernels === undefined ||
      a.dtype !== 'float32' ||
      b.dtype !== 'float32' ||
      batch < 2 ||
      b.shape.length !== a.shape.length ||
      b.shape.slice(0, -2).some((d, i) => d !== outer[i])
    ) {
      return undefined;
    }
    const rank = a.shape.length;
    const M = a.shape[transposeA ? rank - 1 : rank - 2]!;
    const K = a.shape[transposeA ? rank - 2 : rank - 1]!;
    const N = b.shape[transposeB ? rank - 2 : rank - 1]!;
    if (M * K * N === 0) return undefined;
    const heap = backend as KernelBackend & HeapBackend;
    return composed(backend, backendName, (scope) => {
      const left = transposeA ? scope.transpose(a, swapLast(rank)) : a;
      const out = heap.makeOutput([...outer, M, N], 'float32');
      const at = (info: TensorInfo) => heap.getMemoryOffset(info.dataId);
      const view = (info: TensorInfo) => heap.typedArrayFromHeap(info);
      const [aAt, bAt, outAt] = [at(left), at(b), at(out)];
      view(out).fill(0);
      const wide = Math.ceil(N / COLUMNS) * COLUMNS;
      if (!transposeB && wide === N) {
        for (let i = 0; i < batch; i++) {
          const [aI, bI, outI] = [aAt + 4 * i * M * K, bAt + 4 * i * K * N, outAt + 4 * i * M * N];
          kernels.tallProduct(aI, bI, outI, M, K, N);
        }
        return out;
      }
      // Each right operand goes through a scratch [K, wide], transposed and zero-padded in one
      // pass, and each product through another where its columns are padded.
      const scratch = scope.adopt(heap.makeOutput([K, wide], 'float32'));
      const product = wide === N ? undefined : scope.adopt(heap.makeOutput([M, wide], 'float32'));
      // No allocation below: the views stay valid.
      const [source, target, padded] = [view(b), view(out), view(scratch).fill(0)];
      const result = product && view(product);
      for (let i = 0; i < batch; i++) {
        const base = i * K * N;
        for (let k = 0; k < K; k++) {
          const row = k * wide;
          if (transposeB) for (let n = 0; n < N; n++) padded[row + n] = source[base + n * K + k]!;
          else for (let n = 0; n < N; n++) padded[row + n] = source[base + k * N + n]!;
        }
        const aI = aAt + 4 * i * M * K;
        if (product === undefined || result === undefined) {
          kernels.tallProduct(aI, at(scratch), outAt + 4 * i * M * N, M, K, N);
          continue;
        }
        result.fill(0);
        kernels.tallProduct(aI, at(scratch), at(product), M, K, wide);
        for (let m = 0; m < M; m++) {
          const to = (i * M + m) * N;
          for (let n = 0; n < N; n++) target[to + n] = result[m * wide + n]!;
        }
      }
      return out;
    });
  };
}
