import { z } from 'zod';
import { defineLayer, fail, NO_PARAMS, ok, type ShapeResult } from './definition.js';
import { formatShape, type TensorShape } from './shape.js';

/** Element-wise merges need identical shapes (an unknown length matches any length). */
function sameShapes(layer: string, inputs: readonly TensorShape[]): ShapeResult {
  const [first, ...rest] = inputs;
  for (const [i, shape] of rest.entries()) {
    const fits =
      shape.length === first.length &&
      shape.every((d, axis) => d === null || first[axis] === null || d === first[axis]);
    if (!fits) {
      return fail({
        code: 'merge-mismatch',
        message: `${layer} needs inputs of one shape, but input 1 is ${formatShape(first)} and input ${i + 2} is ${formatShape(shape)}.`,
        hint: 'Make the branches end in the same shape (match Dense units or Conv2D filters), or use Concatenate.',
        port: i + 1,
      });
    }
  }
  return ok(first.map((d, axis) => d ?? inputs.find((s) => s[axis] !== null)?.[axis] ?? null));
}

const elementWise = <const K extends string>(kind: K, docs: string, max = Infinity) =>
  defineLayer({
    kind,
    family: 'merge',
    label: kind,
    docs,
    params: z.object({}),
    arity: { min: 2, max },
    inferShape: (inputs) => sameShapes(kind, inputs),
    countParams: () => NO_PARAMS,
    countMacs: () => 0,
  });

const concatenate = defineLayer({
  kind: 'Concatenate',
  family: 'merge',
  label: 'Concatenate',
  docs: 'Joins inputs along one axis; the other axes must match.',
  params: z.object({
    axis: z.number().int().default(-1).describe('Axis to join along (-1: features)'),
  }),
  arity: { min: 2, max: Infinity },
  inferShape(inputs, { axis }) {
    const [first] = inputs;
    const rank = first.length;
    const at = axis < 0 ? rank + axis : axis - 1; // Keras counts the batch as axis 0
    if (at < 0 || at >= rank) {
      return fail({
        code: 'bad-param',
        message: `Concatenate axis ${axis} is outside an input of rank ${rank}.`,
        hint: 'Use -1 to join features.',
        param: 'axis',
      });
    }
    let joined: number | null = 0;
    for (const [i, shape] of inputs.entries()) {
      const fits =
        shape.length === rank &&
        shape.every((d, a) => a === at || d === null || first[a] === null || d === first[a]);
      if (!fits) {
        return fail({
          code: 'merge-mismatch',
          message: `Concatenate along axis ${axis} needs the other axes equal, but input 1 is ${formatShape(first)} and input ${i + 1} is ${formatShape(shape)}.`,
          hint: 'Resize the branches so that only the joined axis differs.',
          port: i,
        });
      }
      const size = shape[at];
      joined = joined === null || size === null ? null : joined + size;
    }
    return ok(first.map((d, a) => (a === at ? joined : d)));
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

export const mergeLayers = {
  Add: elementWise('Add', 'Adds its inputs element-wise (residual connections).'),
  Subtract: elementWise('Subtract', 'Subtracts the second input from the first.', 2),
  Multiply: elementWise('Multiply', 'Multiplies its inputs element-wise (gating).'),
  Average: elementWise('Average', 'Averages its inputs element-wise.'),
  Concatenate: concatenate,
};
