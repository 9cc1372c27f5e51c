import type { ShapeIssue } from './definition.js';
import { expectKnownFeatures, expectRank } from './rules.js';
import type { TensorShape } from './shape.js';

/** An issue unless `shape` is a sequence `[steps, features]` with a known feature size. */
export function expectSequence(
  layer: string,
  shape: TensorShape,
  port = 0,
): ShapeIssue | undefined {
  return expectRank(layer, shape, 2, port) ?? expectKnownFeatures(layer, shape, port);
}

/** Steps of a sequence for per-example figures: an unknown length counts as 1, as in `knownProduct`. */
export function steps(shape: TensorShape): number {
  return shape[0] ?? 1;
}
