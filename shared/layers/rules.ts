import type { ShapeIssue } from './definition.js';
import { formatShape, type TensorShape } from './shape.js';

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
