import { backend_util, MaxPoolGrad } from '@tensorflow/tfjs';
import { float32Kernel, heapKernel } from './heap.js';
import type { KernelConfig, KernelFunc, MaxPoolGradAttrs, TensorInfo } from '@tensorflow/tfjs';

/**
 * MaxPoolGrad as one pass over the input, reading the backend's memory in place: each window's
 * gradient goes to its first maximum in row-major order (as in the cpu backend) and overlapping
 * windows add. The usual 2×2 pool runs in WebAssembly SIMD (about 5× faster than the loop in
 * JavaScript that serves every other pool). wasm's own kernel rescans every window for every
 * input pixel and costs more than the convolution before it; its MaxPoolWithArgmax picks the
 * last maximum.
 */
export function maxPoolGradConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): TensorInfo => {
    const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
    const info = backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const { top, bottom, left, right } = info.padInfo;
    const halving =
      info.filterHeight === 2 &&
      info.filterWidth === 2 &&
      info.strideHeight === 2 &&
      info.strideWidth === 2 &&
      top + bottom + left + right === 0;
    if (halving && info.inChannels % 4 === 0) {
      // Windows cover every pixel unless a size is odd, which leaves a row or column out.
      const covered = info.inHeight % 2 === 0 && info.inWidth % 2 === 0;
      const simd = heapKernel(backend, [input, dy], input.shape, !covered, (k, dx, x, grad) =>
        k.maxPoolGrad2x2(
          x!,
          grad!,
          dx,
          info.batchSize,
          info.inHeight,
          info.inWidth,
          info.inChannels,
          info.outHeight,
          info.outWidth,
        ),
      );
      if (simd !== undefined) return simd;
    }
    return float32Kernel(backend, [input, dy], input.shape, (dx, x, grad) =>
      routeToMaxima(info, dx, x!, grad!),
    );
  };
  return { kernelName: MaxPoolGrad, backendName, kernelFunc: kernelFunc as KernelFunc };
}

/** Adds each window's gradient at its first maximum; `dx` starts at zero. */
function routeToMaxima(
  info: backend_util.Conv2DInfo,
  dx: Float32Array,
  x: Float32Array,
  grad: Float32Array,
): void {
  const { inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const rowStride = inWidth * channels;
  let out = 0;
  for (let b = 0; b < info.batchSize; b++) {
    const image = b * inHeight * rowStride;
    for (let oy = 0; oy < outHeight; oy++) {
      const y0 = oy * info.strideHeight - info.padInfo.top;
      const yStart = Math.max(0, y0);
      const yEnd = Math.min(inHeight, y0 + info.filterHeight);
      for (let ox = 0; ox < outWidth; ox++, out += channels) {
        const x0 = ox * info.strideWidth - info.padInfo.left;
        const xStart = Math.max(0, x0);
        const xEnd = Math.min(inWidth, x0 + info.filterWidth);
        // Scalars per channel keep the scan in registers; taps are few, channels many.
        for (let c = 0; c < channels; c++) {
          let best = -Infinity;
          let at = -1;
          for (let y = yStart; y < yEnd; y++) {
            const row = image + y * rowStride + c;
            for (let xx = xStart; xx < xEnd; xx++) {
              const index = row + xx * channels;
              const value = x[index]!;
              if (value > best) {
                best = value;
                at = index;
              }
            }
          }
          if (at >= 0) dx[at]! += grad[out + c]!;
        }
      }
    }
  }
}
