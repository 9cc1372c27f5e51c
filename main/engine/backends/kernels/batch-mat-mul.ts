import type { BatchMatMulAttrs, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import { batchedProduct } from './batched-product.js';
import { withFastPath, type FastPath } from './fast-path.js';
import { composed } from './kernel-scope.js';

/**
 * BatchMatMul with a transposed operand (every dense layer's gradients) as an explicit transpose
 * and a plain product. wasm hands only the plain form to XNNPACK and runs the transposed forms
 * in a scalar loop about eight times slower. When the product is not much larger than the
 * operand to transpose (a sum against a column of ones), the loop is kept: the copy would cost
 * more than it saves.
 */
export function batchMatMulConfig(native: KernelConfig): KernelConfig {
  const batched = batchedProduct(native.backendName);
  const transposed: FastPath = ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    if ((!transposeA && !transposeB) || a.dtype !== 'float32' || b.dtype !== 'float32')
      return undefined;
    const rankA = a.shape.length;
    const rankB = b.shape.length;
    const rows = a.shape[transposeA ? rankA - 1 : rankA - 2]!;
    const inner = a.shape[transposeA ? rankA - 2 : rankA - 1]!;
    const columns = b.shape[transposeB ? rankB - 2 : rankB - 1]!;
    const moved = (transposeA ? size(a) : 0) + (transposeB ? size(b) : 0);
    if (rows * inner * columns < 4 * moved) return undefined;
    return composed(backend, native.backendName, (scope) => {
      const swapLast = (x: TensorInfo) => {
        const perm = x.shape.map((_, i) => i);
        perm.splice(-2, 2, x.shape.length - 1, x.shape.length - 2);
        return scope.transpose(x, perm);
      };
      return scope.run(
        native.kernelName,
        { a: transposeA ? swapLast(a) : a, b: transposeB ? swapLast(b) : b },
        { ...attrs, transposeA: false, transposeB: false },
      );
    });
  };
  return withFastPath(native, (args) => batched(args) ?? transposed(args));
}

function size(x: TensorInfo): number {
  return x.shape.reduce((p, d) => p * d, 1);
}
