import type { LayerDefinition, ParamCount, ShapeIssue } from './definition.js';
import type { TensorShape } from './shape.js';

/** One layer's output shape, parameter count and multiply-adds, or why it refuses its inputs. */
export type LayerResult =
  | { ok: true; shape: TensorShape; counts: ParamCount; macs: number }
  | { ok: false; issue: ShapeIssue };

/** Runs a kind's shape rule on its inputs and, when they fit, its counting rules. */
export function applyLayer(
  definition: LayerDefinition,
  params: Record<string, unknown>,
  inputs: readonly TensorShape[],
): LayerResult {
  const result = definition.inferShape(inputs, params);
  if (!result.ok) return result;
  const context = { params, inputs, output: result.shape };
  return {
    ok: true,
    shape: result.shape,
    counts: definition.countParams(context),
    macs: definition.countMacs(context),
  };
}
