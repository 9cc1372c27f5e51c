import { backend_util, DepthwiseConv2dNativeBackpropInput } from '@tensorflow/tfjs';
import type {
  DepthwiseConv2dNativeBackpropInputAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs';
import { composed } from './kernel-scope.js';
import { spreadAndCrop } from './spatial.js';

/**
 * The input gradient of a depthwise convolution: a depthwise convolution (multiplier 1) of the
 * stride-spread output gradient with the filter turned 180°, then a sum over each input
 * channel's multiplier outputs.
 */
export function depthwiseBackpropInputConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): TensorInfo => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, dilations, pad, dimRoundingMode, inputShape } =
      attrs as unknown as DepthwiseConv2dNativeBackpropInputAttrs;
    const filterShape = filter.shape as [number, number, number, number];
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filterShape,
      strides,
      dilations,
      pad,
      dimRoundingMode,
      true,
    );
    const [kh, kw, channels, multiplier] = filterShape;
    return composed(backend, backendName, (scope) => {
      const reachH = info.effectiveFilterHeight;
      const reachW = info.effectiveFilterWidth;
      const top = reachH - 1 - info.padInfo.top;
      const left = reachW - 1 - info.padInfo.left;
      const spread = spreadAndCrop(scope, dy, [info.strideHeight, info.strideWidth], {
        top,
        bottom: info.inHeight + reachH - 1 - top - ((info.outHeight - 1) * info.strideHeight + 1),
        left,
        right: info.inWidth + reachW - 1 - left - ((info.outWidth - 1) * info.strideWidth + 1),
      });
      const turned = scope.run('Reverse', { x: filter }, { dims: [0, 1] });
      const perOutput = scope.reshape(turned, [kh, kw, channels * multiplier, 1]);
      const parts = scope.run(
        'DepthwiseConv2dNative',
        { x: spread.x, filter: perOutput },
        {
          strides: [1, 1],
          pad: spread.pads,
          dilations: [info.dilationHeight, info.dilationWidth],
        },
      );
      if (multiplier === 1) return parts;
      const [batch, height, width] = parts.shape;
      const grouped = scope.reshape(parts, [batch, height, width, channels, multiplier]);
      return scope.run('Sum', { x: grouped }, { axis: [4], keepDims: false });
    });
  };
  return {
    kernelName: DepthwiseConv2dNativeBackpropInput,
    backendName,
    kernelFunc: kernelFunc as KernelFunc,
  };
}
