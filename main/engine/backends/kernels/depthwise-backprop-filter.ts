import { backend_util, DepthwiseConv2dNativeBackpropFilter } from '@tensorflow/tfjs';
import type {
  DepthwiseConv2dNativeBackpropFilterAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs';
import { composed } from './kernel-scope.js';

/**
 * The filter gradient of a depthwise convolution as one batched matrix product per channel:
 *   dW[i,j,c,q] = sum_n window_ij[n,c] * dy[n,c,q]   (n runs over batch and output pixels)
 * where window_ij is the padded input seen by filter tap (i, j), taken by a strided slice.
 */
export function depthwiseBackpropFilterConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): TensorInfo => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, dilations, pad, dimRoundingMode, filterShape } =
      attrs as unknown as DepthwiseConv2dNativeBackpropFilterAttrs;
    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      dilations,
      pad,
      dimRoundingMode,
      true,
    );
    const [kh, kw, channels, multiplier] = filterShape;
    const { batchSize, outHeight, outWidth, strideHeight, strideWidth } = info;
    const pixels = batchSize * outHeight * outWidth;
    return composed(backend, backendName, (scope) => {
      const { top, bottom, left, right } = info.padInfo;
      const padded =
        top + bottom + left + right === 0
          ? x
          : scope.run(
              'PadV2',
              { x },
              {
                paddings: [
                  [0, 0],
                  [top, Math.max(0, bottom)],
                  [left, Math.max(0, right)],
                  [0, 0],
                ],
                constantValue: 0,
              },
            );
      const windows: TensorInfo[] = [];
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) {
          const y0 = i * info.dilationHeight;
          const x0 = j * info.dilationWidth;
          const window = scope.run(
            'StridedSlice',
            { x: padded },
            {
              begin: [0, y0, x0, 0],
              end: [
                batchSize,
                y0 + (outHeight - 1) * strideHeight + 1,
                x0 + (outWidth - 1) * strideWidth + 1,
                channels,
              ],
              strides: [1, strideHeight, strideWidth, 1],
              beginMask: 0,
              endMask: 0,
              ellipsisMask: 0,
              newAxisMask: 0,
              shrinkAxisMask: 0,
            },
          );
          windows.push(scope.reshape(window, [pixels, 1, channels]));
        }
      }
      const patches = scope.run('Concat', windows, { axis: 1 });
      const byChannel = scope.transpose(patches, [2, 1, 0]);
      const dyByChannel = scope.transpose(
        scope.reshape(dy, [pixels, channels, multiplier]),
        [1, 0, 2],
      );
      const product = scope.run(
        'BatchMatMul',
        { a: byChannel, b: dyByChannel },
        { transposeA: false, transposeB: false },
      );
      const taps = scope.transpose(product, [1, 0, 2]);
      return scope.reshape(taps, filterShape);
    });
  };
  return {
    kernelName: DepthwiseConv2dNativeBackpropFilter,
    backendName,
    kernelFunc: kernelFunc as KernelFunc,
  };
}
