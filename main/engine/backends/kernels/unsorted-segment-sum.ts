import { UnsortedSegmentSum } from '@tensorflow/tfjs';
import type {
  KernelConfig,
  KernelFunc,
  TensorInfo,
  UnsortedSegmentSumAttrs,
} from '@tensorflow/tfjs';
import { composed } from './kernel-scope.js';

/**
 * Sums the rows of `x` that share a segment id (the gradient of gather, so of every embedding)
 * as one scatter that accumulates duplicate indices. Ids must lie in [0, numSegments): the
 * gather whose gradient this is has already checked them.
 */
export function unsortedSegmentSumConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): TensorInfo => {
    const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
    const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
    const rowShape = x.shape.slice(segmentIds.shape.length);
    const rows = segmentIds.shape.reduce((a, b) => a * b, 1);
    const rowSize = rowShape.reduce((a, b) => a * b, 1);
    return composed(backend, backendName, (scope) => {
      const indices = scope.reshape(segmentIds, [rows, 1]);
      const updates = scope.reshape(x, [rows, rowSize]);
      const sums = scope.run('ScatterNd', { indices, updates }, { shape: [numSegments, rowSize] });
      return rowShape.length === 1 ? sums : scope.reshape(sums, [numSegments, ...rowShape]);
    });
  };
  return { kernelName: UnsortedSegmentSum, backendName, kernelFunc: kernelFunc as KernelFunc };
}
