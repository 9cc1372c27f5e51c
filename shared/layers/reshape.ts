import { z } from 'zod';
import { defineLayer, fail, NO_PARAMS, ok } from './definition.js';
import { axisPair, expectRank } from './rules.js';
import { formatShape, shapeSize, type TensorShape } from './shape.js';

const flatten = defineLayer({
  kind: 'Flatten',
  family: 'reshape',
  label: 'Flatten',
  docs: 'Unrolls each example into one vector, e.g. 7×7×64 into 3136 features for a Dense layer.',
  params: z.object({}),
  arity: { min: 1, max: 1 },
  inferShape([x]) {
    const size = shapeSize(x);
    if (size === null) {
      return fail({
        code: 'size-mismatch',
        message: `Flatten needs every dimension known to size its output, but receives ${formatShape(x)}.`,
        hint: 'Give the Input fixed dimensions, or use a global pooling layer for variable sizes.',
        port: 0,
      });
    }
    return ok([size]);
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

const reshape = defineLayer({
  kind: 'Reshape',
  family: 'reshape',
  label: 'Reshape',
  docs: 'Rearranges each example into a new shape with the same number of values.',
  params: z.object({
    targetShape: z
      .array(
        z
          .number()
          .int()
          .min(-1)
          .max(1_048_576)
          .refine((d) => d !== 0, 'A dimension cannot be 0'),
      )
      .min(1)
      .max(4)
      .default([-1])
      .describe('New shape without the batch; one dimension may be -1 to take what is left'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { targetShape }) {
    const target = formatShape(targetShape);
    const free = targetShape.filter((d) => d === -1).length;
    if (free > 1) {
      return fail({
        code: 'bad-param',
        message: `Reshape target ${target} has ${free} dimensions of -1; at most one can be inferred.`,
        hint: 'Write the sizes of all but one dimension.',
        param: 'targetShape',
      });
    }
    const inSize = shapeSize(x);
    const fixed = targetShape.reduce((n, d) => (d === -1 ? n : n * d), 1);
    if (inSize === null) {
      if (free === 1) return ok(targetShape.map((d) => (d === -1 ? null : d)));
      return fail({
        code: 'size-mismatch',
        message: `Reshape to ${target} needs a known input size, but receives ${formatShape(x)}.`,
        hint: 'Put -1 in the target where the variable-length axis goes.',
        port: 0,
      });
    }
    const fits = free === 1 ? inSize % fixed === 0 : inSize === fixed;
    if (!fits) {
      return fail({
        code: 'size-mismatch',
        message: `Reshape cannot turn ${formatShape(x)} (${inSize} values) into ${target} (${free ? `a multiple of ${fixed}` : fixed} values).`,
        hint: 'Choose a target whose sizes multiply to the input size, or use -1 for one dimension.',
        port: 0,
      });
    }
    return ok(targetShape.map((d) => (d === -1 ? inSize / fixed : d)));
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

/** Whether `dims` holds each of 1…n exactly once. */
const isPermutation = (dims: readonly number[]) =>
  [...dims].sort((a, b) => a - b).every((d, i) => d === i + 1);

const permute = defineLayer({
  kind: 'Permute',
  family: 'reshape',
  label: 'Permute',
  docs: 'Reorders the axes of each example, e.g. steps×features into features×steps.',
  params: z.object({
    dims: z
      .array(z.number().int().min(1).max(4))
      .min(1)
      .max(4)
      .default([2, 1])
      .describe('New order of the axes, counted from 1 and excluding the batch (as in Keras)'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { dims }) {
    if (!isPermutation(dims)) {
      return fail({
        code: 'bad-param',
        message: `Permute dims [${dims.join(', ')}] must list each axis 1…${dims.length} exactly once.`,
        hint: 'Write every axis number once, e.g. [2, 1] to swap two axes.',
        param: 'dims',
      });
    }
    const issue = expectRank('Permute', x, dims.length);
    if (issue) {
      const hint = `Permute dims [${dims.join(', ')}] name ${dims.length} axes; list one per input axis.`;
      return fail({ ...issue, hint });
    }
    return ok(dims.map((d) => x[d - 1]));
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

const repeatVector = defineLayer({
  kind: 'RepeatVector',
  family: 'reshape',
  label: 'RepeatVector',
  docs: 'Repeats a vector n times into a sequence, e.g. to feed an encoding to a decoder RNN.',
  params: z.object({
    n: z.number().int().min(1).max(65_536).default(8).describe('Number of repetitions (steps)'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { n }) {
    const issue = expectRank('RepeatVector', x, 1);
    return issue ? fail(issue) : ok([n, x[0]]);
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

const upSampling2d = defineLayer({
  kind: 'UpSampling2D',
  family: 'reshape',
  label: 'UpSampling2D',
  docs: 'Enlarges an image by repeating each row and column (nearest neighbour).',
  params: z.object({
    size: axisPair(1, 64)
      .default([2, 2])
      .describe('Repetitions of rows and columns [height, width]'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { size }) {
    const issue = expectRank('UpSampling2D', x, 3);
    if (issue) return fail(issue);
    const [h, w, c] = x;
    return ok([h === null ? null : h * size[0], w === null ? null : w * size[1], c]);
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

const sidesParam = (fallback: number) => {
  const side = z.number().int().min(0).max(4096);
  return z.tuple([side, side, side, side]).default([fallback, fallback, fallback, fallback]);
};

/** Grows (sign 1) or shrinks (sign -1) the image axes by [top, bottom, left, right]. */
function resizeEdges(x: TensorShape, sides: readonly number[], sign: 1 | -1): TensorShape {
  const [h, w, c] = x;
  const grow = (d: number | null, a: number, b: number) => (d === null ? null : d + sign * (a + b));
  return [grow(h, sides[0], sides[1]), grow(w, sides[2], sides[3]), c];
}

const zeroPadding2d = defineLayer({
  kind: 'ZeroPadding2D',
  family: 'reshape',
  label: 'ZeroPadding2D',
  docs: 'Adds rows and columns of zeros around an image.',
  params: z.object({
    padding: sidesParam(1).describe('Zeros added [top, bottom, left, right]'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { padding }) {
    const issue = expectRank('ZeroPadding2D', x, 3);
    return issue ? fail(issue) : ok(resizeEdges(x, padding, 1));
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

const cropping2d = defineLayer({
  kind: 'Cropping2D',
  family: 'reshape',
  label: 'Cropping2D',
  docs: 'Cuts rows and columns off the edges of an image.',
  params: z.object({
    cropping: sidesParam(1).describe('Rows and columns removed [top, bottom, left, right]'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { cropping }) {
    const issue = expectRank('Cropping2D', x, 3);
    if (issue) return fail(issue);
    const out = resizeEdges(x, cropping, -1);
    if (out.some((d) => d !== null && d < 1)) {
      const [t, b, l, r] = cropping;
      return fail({
        code: 'size-mismatch',
        message: `Cropping2D removes ${t + b} rows and ${l + r} columns, which leaves nothing of ${formatShape(x)} (it would be ${formatShape(out)}).`,
        hint: 'Crop fewer rows or columns, or crop before the image is downsampled.',
        port: 0,
      });
    }
    return ok(out);
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

/** Layers that move values around without weights: flatten, reshape, permute, pad, crop. */
export const reshapeLayers = {
  Flatten: flatten,
  Reshape: reshape,
  Permute: permute,
  RepeatVector: repeatVector,
  UpSampling2D: upSampling2d,
  ZeroPadding2D: zeroPadding2d,
  Cropping2D: cropping2d,
};
