import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs';
import type {
  Conv2DBackpropFilterAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs';
import { filterGradientFromPatches, PATCH_LIMIT } from './conv2d-filter-patches.js';
import { composed } from './kernel-scope.js';

/**
 * The filter gradient of a 2-D convolution as one forward convolution: batch and channels swap
 * roles, the output gradient becomes the filter, and the original stride becomes its dilation.
 *   dW[i,j,c,o] = sum_{b,y,x} xPadded[b, y*s+i, x*s+j, c] * dy[b,y,x,o]
 * is a convolution of xT[c, H, W, b] with dyT[y, x, b, o] at dilation s, giving [c, i, j, o].
 */
export function conv2dBackpropFilterConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): TensorInfo => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
      attrs as unknown as Conv2DBackpropFilterAttrs;
    const format = backend_util.convertConv2DDataFormat(dataFormat);
    const info = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      format,
    );
    const channelsLast = format === 'channelsLast';
    const [kh, kw, channels] = filterShape;
    if (channelsLast && kh * kw * channels <= PATCH_LIMIT) {
      const typed = attrs as unknown as Conv2DBackpropFilterAttrs;
      return composed(backend, backendName, (scope) =>
        filterGradientFromPatches(scope, x, dy, typed),
      );
    }
    return composed(backend, backendName, (scope) => {
      const xT = scope.transpose(x, channelsLast ? [3, 1, 2, 0] : [1, 2, 3, 0]);
      const dyT = scope.transpose(dy, channelsLast ? [1, 2, 0, 3] : [2, 3, 0, 1]);
      const { top, left } = info.padInfo;
      // Pad only as far as the last filter tap reaches; rows beyond it never meet a gradient.
      const reachH = (info.outHeight - 1) * info.strideHeight + info.filterHeight;
      const reachW = (info.outWidth - 1) * info.strideWidth + info.filterWidth;
      const bottom = Math.max(0, reachH - info.inHeight - top);
      const right = Math.max(0, reachW - info.inWidth - left);
      let grad = scope.run(
        'Conv2D',
        { x: xT, filter: dyT },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          dilations: [info.strideHeight, info.strideWidth],
          dataFormat: 'NHWC',
        },
      );
      const [channels, height, width, filters] = grad.shape;
      if (height > info.filterHeight || width > info.filterWidth) {
        // Input rows past the last tap widen the result; they are not filter positions.
        grad = scope.run(
          'Slice',
          { x: grad },
          { begin: [0, 0, 0, 0], size: [channels, info.filterHeight, info.filterWidth, filters] },
        );
      }
      return scope.transpose(grad, [1, 2, 0, 3]);
    });
  };
  return { kernelName: Conv2DBackpropFilter, backendName, kernelFunc: kernelFunc as KernelFunc };
}
