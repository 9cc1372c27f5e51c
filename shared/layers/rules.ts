import { z } from 'zod';
import type { ShapeIssue } from './definition.js';
import { formatShape, type Dim, type TensorShape } from './shape.js';

/** Shape-rule building blocks shared by the layer families. */

const rankNames: Record<number, string> = {
  1: 'a vector',
  2: 'a sequence (steps×features)',
  3: 'an image (height×width×channels)',
};

/** An issue when `shape` does not have `rank` dimensions, naming what the layer expects. */
export function expectRank(
  layer: string,
  shape: TensorShape,
  rank: number,
  port = 0,
): ShapeIssue | undefined {
  if (shape.length === rank) return undefined;
  const wanted = rankNames[rank] ?? `rank ${rank}`;
  return {
    code: 'rank-mismatch',
    message: `${layer} expects ${wanted} but receives ${formatShape(shape)} (rank ${shape.length}).`,
    hint:
      rank < shape.length
        ? 'Insert a Flatten, Reshape or pooling layer before it.'
        : 'Insert a Reshape before it, or pick the layer made for this rank.',
    port,
  };
}

/** An issue when the last (feature) dimension is unknown, which weights cannot be sized for. */
export function expectKnownFeatures(
  layer: string,
  shape: TensorShape,
  port = 0,
): ShapeIssue | undefined {
  if (shape.length > 0 && shape[shape.length - 1] !== null) return undefined;
  return {
    code: 'size-mismatch',
    message: `${layer} needs a known feature size, but receives ${formatShape(shape)}.`,
    hint: 'Give the Input a fixed last dimension.',
    port,
  };
}

/** Output length of a convolution or pooling window along one axis, as Keras computes it. */
export function windowOutput(
  size: number | null,
  window: number,
  stride: number,
  padding: 'valid' | 'same',
  dilation = 1,
): number | null {
  if (size === null) return null;
  const span = (window - 1) * dilation + 1;
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - span) / stride) + 1;
}

/** Multiply the known dimensions; unknown ones (variable length) count as 1 for per-example figures. */
export function knownProduct(shape: TensorShape): number {
  return shape.reduce<number>((n, d) => n * (d ?? 1), 1);
}

export function last(shape: TensorShape): number {
  return shape[shape.length - 1] ?? 0;
}

/** `valid` or `same` padding, the choice every sliding-window layer offers. */
export const paddingParam = () =>
  z
    .enum(['valid', 'same'])
    .default('valid')
    .describe(
      "'valid': whole windows only, the output shrinks; 'same': zero-pad so the output is input ÷ stride",
    );

/** A whole number per image axis, `[height, width]`, each within `[min, max]`. */
export const axisPair = (min: number, max: number) => {
  const axis = z.number().int().min(min).max(max);
  return z.tuple([axis, axis]);
};

/** How a window slides along each spatial axis (one entry per axis). */
export interface SlidingWindow {
  size: readonly number[];
  strides: readonly number[];
  padding: 'valid' | 'same';
  dilation?: readonly number[];
}

/**
 * Output lengths of a window sliding over the leading (spatial) axes of `shape`, or an issue
 * when, with 'valid' padding, the window is larger than the input along some axis.
 */
export function slideWindow(
  layer: string,
  shape: TensorShape,
  window: SlidingWindow,
): { ok: true; dims: Dim[] } | { ok: false; issue: ShapeIssue } {
  const dilation = window.dilation ?? window.size.map(() => 1);
  const spans = window.size.map((k, axis) => (k - 1) * dilation[axis] + 1);
  const dims = spans.map((_, axis) =>
    windowOutput(
      shape[axis],
      window.size[axis],
      window.strides[axis],
      window.padding,
      dilation[axis],
    ),
  );
  if (dims.every((d) => d === null || d > 0)) return { ok: true, dims };
  const dilated = dilation.some((d) => d > 1) ? ` (dilated to span ${spans.join('×')})` : '';
  return {
    ok: false,
    issue: {
      code: 'size-mismatch',
      message: `${layer} has a ${window.size.join('×')} window${dilated} with 'valid' padding, so it needs at least ${spans.join('×')} positions, but receives ${formatShape(shape)}.`,
      hint: "Use padding 'same', a smaller window, or remove a downsampling layer before it.",
      port: 0,
    },
  };
}
