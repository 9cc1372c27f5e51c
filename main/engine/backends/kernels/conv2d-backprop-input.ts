import { backend_util, Conv2DBackpropInput } from '@tensorflow/tfjs';
import type {
  Conv2DBackpropInputAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs';
import { heapKernels } from '../simd/heap-kernels.js';
import { requireHeapKernel } from './heap.js';
import { composed } from './kernel-scope.js';
import type { KernelScope } from './kernel-scope.js';
import { patchGeometry, spreadAndCrop } from './spatial.js';

/**
 * The input gradient of a 2-D convolution (also the forward pass of a transposed convolution)
 * as a forward convolution of the stride-spread output gradient with the filter turned 180°
 * and its channel axes swapped. Replaces wasm's own kernel, a direct loop several times slower
 * than its XNNPACK convolution.
 */
export function conv2dBackpropInputConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): TensorInfo => {
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
      attrs as unknown as Conv2DBackpropInputAttrs;
    const format = backend_util.convertConv2DDataFormat(dataFormat);
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      format,
    );
    const channelsLast = format === 'channelsLast';
    if (channelsLast && info.inChannels % 4 === 0 && heapKernels(backend) !== undefined) {
      return composed(backend, backendName, (scope) =>
        viaColumns(scope, backend, dy, filter, info),
      );
    }
    return composed(backend, backendName, (scope) => {
      const dyLast = channelsLast ? dy : scope.transpose(dy, [0, 2, 3, 1]);
      const top = info.filterHeight - 1 - info.padInfo.top;
      const left = info.filterWidth - 1 - info.padInfo.left;
      // Every input row must see a full filter window: H + kh - 1 rows in all.
      const spreadH = (info.outHeight - 1) * info.strideHeight + 1;
      const spreadW = (info.outWidth - 1) * info.strideWidth + 1;
      const spread = spreadAndCrop(scope, dyLast, [info.strideHeight, info.strideWidth], {
        top,
        bottom: info.inHeight + info.filterHeight - 1 - top - spreadH,
        left,
        right: info.inWidth + info.filterWidth - 1 - left - spreadW,
      });
      const turned = scope.run('Reverse', { x: filter }, { dims: [0, 1] });
      const swapped = scope.transpose(turned, [0, 1, 3, 2]);
      const dx = scope.run(
        'Conv2D',
        { x: spread.x, filter: swapped },
        { strides: [1, 1], pad: spread.pads, dilations: [1, 1], dataFormat: 'NHWC' },
      );
      return channelsLast ? dx : scope.transpose(dx, [0, 3, 1, 2]);
    });
  };
  return { kernelName: Conv2DBackpropInput, backendName, kernelFunc: kernelFunc as KernelFunc };
}

/**
 * The input gradient as a product then col2im: a 1×1 convolution of the output gradient with
 * the filter's transpose gives every output pixel's gradient per filter tap (one matrix product,
 * XNNPACK's fastest path), and a WebAssembly kernel adds each tap back onto the pixel it read.
 * It does only the useful multiplications: the convolution route above also multiplies the
 * zeros of the padded border and of stride gaps (1.4× the work for a 3×3 filter on 13×13 and
 * 2.8× on 5×5, and ×stride² more).
 */
function viaColumns(
  scope: KernelScope,
  backend: object,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const taps = filterHeight * filterWidth * inChannels;
  const byTap = scope.transpose(scope.reshape(filter, [taps, outChannels]), [1, 0]);
  const cols = scope.run(
    'Conv2D',
    { x: dy, filter: scope.reshape(byTap, [1, 1, outChannels, taps]) },
    { strides: [1, 1], pad: 'valid', dilations: [1, 1], dataFormat: 'NHWC' },
  );
  return requireHeapKernel(
    Conv2DBackpropInput,
    backend,
    [cols],
    info.inShape,
    true,
    (kernels, out, columns) => kernels.col2im(columns!, out, ...patchGeometry(info)),
  );
}
