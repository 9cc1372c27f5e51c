import { z } from 'zod';
import { defineLayer, fail, NO_PARAMS, ok, type ShapeResult } from './definition.js';
import { axisPair, expectRank, knownProduct, last, paddingParam, slideWindow } from './rules.js';
import type { TensorShape } from './shape.js';

const poolDocs = 'Window size';
const stridesDocs = 'Step between windows; leave empty to step by the window size';

const pool1dParams = z.object({
  poolSize: z.number().int().min(1).max(1024).default(2).describe(poolDocs),
  strides: z.number().int().min(1).max(1024).nullable().default(null).describe(stridesDocs),
  padding: paddingParam(),
});

const pool2dParams = z.object({
  poolSize: axisPair(1, 256).default([2, 2]).describe(`${poolDocs} [height, width]`),
  strides: axisPair(1, 256).nullable().default(null).describe(`${stridesDocs} [height, width]`),
  padding: paddingParam(),
});

/** Window pooling over the spatial axes; strides default to the window size, as in Keras. */
function poolShape(
  kind: string,
  x: TensorShape,
  size: readonly number[],
  strides: readonly number[] | null,
  padding: 'valid' | 'same',
): ShapeResult {
  const issue = expectRank(kind, x, size.length + 1);
  if (issue) return fail(issue);
  const slid = slideWindow(kind, x, { size, strides: strides ?? size, padding });
  return slid.ok ? ok([...slid.dims, last(x)]) : fail(slid.issue);
}

const pool1d = <const K extends string>(kind: K, docs: string) =>
  defineLayer({
    kind,
    family: 'pooling',
    label: kind,
    docs,
    params: pool1dParams,
    arity: { min: 1, max: 1 },
    inferShape: ([x], p) =>
      poolShape(kind, x, [p.poolSize], p.strides === null ? null : [p.strides], p.padding),
    countParams: () => NO_PARAMS,
    // One comparison or addition per window value.
    countMacs: ({ output, params: p }) => knownProduct(output) * p.poolSize,
  });

const pool2d = <const K extends string>(kind: K, docs: string) =>
  defineLayer({
    kind,
    family: 'pooling',
    label: kind,
    docs,
    params: pool2dParams,
    arity: { min: 1, max: 1 },
    inferShape: ([x], p) => poolShape(kind, x, p.poolSize, p.strides, p.padding),
    countParams: () => NO_PARAMS,
    countMacs: ({ output, params: p }) => knownProduct(output) * p.poolSize[0] * p.poolSize[1],
  });

/** Pooling over every spatial axis at once, leaving one value per channel. */
const globalPool = <const K extends string>(kind: K, axes: 1 | 2, docs: string) =>
  defineLayer({
    kind,
    family: 'pooling',
    label: kind,
    docs,
    params: z.object({}),
    arity: { min: 1, max: 1 },
    inferShape([x]) {
      const issue = expectRank(kind, x, axes + 1);
      return issue ? fail(issue) : ok([x[axes]]);
    },
    countParams: () => NO_PARAMS,
    countMacs: ({ inputs: [x] }) => knownProduct(x),
  });

/** Window and global pooling over sequences and images, channels last. */
export const poolingLayers = {
  MaxPool1D: pool1d('MaxPool1D', 'Keeps the largest value of each window along a sequence.'),
  MaxPool2D: pool2d('MaxPool2D', 'Keeps the largest value of each window; 2×2 halves an image.'),
  AvgPool1D: pool1d('AvgPool1D', 'Averages each window along a sequence.'),
  AvgPool2D: pool2d('AvgPool2D', 'Averages each window of an image; 2×2 halves it.'),
  GlobalAvgPool1D: globalPool('GlobalAvgPool1D', 1, 'Averages over all steps, per channel.'),
  GlobalAvgPool2D: globalPool('GlobalAvgPool2D', 2, 'Averages over the whole image, per channel.'),
  GlobalMaxPool1D: globalPool('GlobalMaxPool1D', 1, 'Largest value over all steps, per channel.'),
  GlobalMaxPool2D: globalPool(
    'GlobalMaxPool2D',
    2,
    'Largest value over the whole image, per channel.',
  ),
};
