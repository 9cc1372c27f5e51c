import { backend_util, util } from '@tensorflow/tfjs';
import type { KernelConfig, SumAttrs, TensorInfo } from '@tensorflow/tfjs';
import { withFastPath, type FastPath } from './fast-path.js';
import { heapKernel } from './heap.js';
import { composed } from './kernel-scope.js';

/**
 * Sum over every axis but the last (the gradient of each bias add) in one pass over the data:
 * a WebAssembly kernel when the last axis is a multiple of 4 (about 4× faster than wasm's own
 * Sum, which first transposes the reduced axes inward, a full copy), else the product of the
 * transposed data with a column of ones (about 2× faster).
 */
export function sumConfig(native: KernelConfig): KernelConfig {
  const fast: FastPath = ({ inputs, backend, attrs }) => {
    const { x } = inputs as { x: TensorInfo };
    const { axis, keepDims } = attrs as unknown as SumAttrs;
    const rank = x.shape.length;
    const axes = util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const leading = axes.length === rank - 1 && axes.every((a, i) => a === i);
    if (rank < 2 || !leading || x.dtype !== 'float32') return undefined;
    const columns = x.shape[rank - 1]!;
    const rows = util.sizeFromShape(x.shape) / columns;
    const shape = keepDims ? backend_util.expandShapeToKeepDim([columns], axes) : [columns];
    if (columns % 4 === 0) {
      const sums = heapKernel(backend, [x], shape, true, (k, out, table) =>
        k.columnSums(table!, out, rows, columns),
      );
      if (sums !== undefined) return sums;
    }
    return composed(backend, native.backendName, (scope) => {
      // The ones are the matrix wasm packs for XNNPACK, so they, not the data, get copied.
      const ones = scope.run('Fill', {}, { shape: [rows, 1], value: 1, dtype: 'float32' });
      const table = scope.reshape(x, [rows, columns]);
      const sums = scope.run(
        'BatchMatMul',
        { a: table, b: ones },
        { transposeA: true, transposeB: false },
      );
      return scope.reshape(sums, shape);
    });
  };
  return withFastPath(native, fast);
}
