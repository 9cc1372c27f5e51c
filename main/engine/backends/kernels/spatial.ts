import type { backend_util, TensorInfo } from '@tensorflow/tfjs';
import type { PatchGeometry } from '../simd/heap-kernels.js';
import type { KernelScope } from './kernel-scope.js';

/** Padding of the two spatial axes of an NHWC tensor; a negative side is cropped instead. */
export interface SpatialPads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The explicit padding form tfjs convolution kernels accept (NHWC). */
export type ExplicitPads = [[number, number], [number, number], [number, number], [number, number]];

/**
 * Inserts `stride - 1` zeros between neighbouring pixels of NHWC `x` (the input of a transposed
 * convolution), then crops the sides `pads` asks to shrink. Returns the tensor and the padding
 * still to apply, all non-negative, which a convolution kernel applies for free.
 */
export function spreadAndCrop(
  scope: KernelScope,
  x: TensorInfo,
  [strideH, strideW]: [number, number],
  pads: SpatialPads,
): { x: TensorInfo; pads: ExplicitPads } {
  const [batch, height, width, channels] = x.shape;
  let spread = x;
  let { bottom, right } = pads;
  if (strideH > 1 || strideW > 1) {
    // Zeros go after each pixel, so the last row and column gain strideH-1 / strideW-1 extras.
    const cells = scope.reshape(x, [batch, height, 1, width, 1, channels]);
    const gaps = [
      [0, 0],
      [0, 0],
      [0, strideH - 1],
      [0, 0],
      [0, strideW - 1],
      [0, 0],
    ];
    const padded = scope.run('PadV2', { x: cells }, { paddings: gaps, constantValue: 0 });
    spread = scope.reshape(padded, [batch, height * strideH, width * strideW, channels]);
    bottom -= strideH - 1;
    right -= strideW - 1;
  }
  const crop = {
    top: Math.max(0, -pads.top),
    bottom: Math.max(0, -bottom),
    left: Math.max(0, -pads.left),
    right: Math.max(0, -right),
  };
  if (crop.top + crop.bottom + crop.left + crop.right > 0) {
    const [, h, w] = spread.shape;
    spread = scope.run(
      'Slice',
      { x: spread },
      {
        begin: [0, crop.top, crop.left, 0],
        size: [batch, h - crop.top - crop.bottom, w - crop.left - crop.right, channels],
      },
    );
  }
  const rest: ExplicitPads = [
    [0, 0],
    [Math.max(0, pads.top), Math.max(0, bottom)],
    [Math.max(0, pads.left), Math.max(0, right)],
    [0, 0],
  ];
  return { x: spread, pads: rest };
}

/** A convolution's patch geometry, in the order the im2col and col2im kernels take it. */
export function patchGeometry(info: backend_util.Conv2DInfo): PatchGeometry {
  return [
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  ];
}
