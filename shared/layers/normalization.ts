import { z } from 'zod';
import { defineLayer, fail, ok, type ShapeResult } from './definition.js';
import { expectKnownFeatures, knownProduct, last } from './rules.js';
import { formatShape, type TensorShape } from './shape.js';

const epsilonParam = () =>
  z
    .number()
    .min(1e-12)
    .max(0.1)
    .default(0.001)
    .describe('Small constant added to the variance so it never divides by zero');

/** Both normalisations keep the shape; tfjs implements them for up to 3 axes per example. */
function normalizable(layer: string, x: TensorShape): ShapeResult {
  if (x.length > 3) {
    return fail({
      code: 'rank-mismatch',
      message: `${layer} takes vectors, sequences or images (at most 3 axes), but receives ${formatShape(x)} (rank ${x.length}); tfjs cannot normalise more axes.`,
      hint: 'Reshape to merge the leading axes first.',
      port: 0,
    });
  }
  const issue = expectKnownFeatures(layer, x);
  return issue ? fail(issue) : ok(x);
}

const batchNormalization = defineLayer({
  kind: 'BatchNormalization',
  family: 'normalization',
  label: 'BatchNormalization',
  docs: 'Normalises each channel over the batch, then scales and shifts it; steadies training.',
  params: z.object({
    momentum: z
      .number()
      .min(0)
      .max(0.9999)
      .default(0.99)
      .describe('How slowly the running mean and variance used at inference follow each batch'),
    epsilon: epsilonParam(),
  }),
  arity: { min: 1, max: 1 },
  inferShape: ([x]) => normalizable('BatchNormalization', x),
  // Keras: gamma and beta are learned; the moving mean and variance are not.
  countParams: ({ inputs: [x] }) => ({ trainable: 2 * last(x), nonTrainable: 2 * last(x) }),
  // At inference the normalisation folds into one scale-and-shift per value.
  countMacs: ({ inputs: [x] }) => knownProduct(x),
});

const layerNormalization = defineLayer({
  kind: 'LayerNormalization',
  family: 'normalization',
  label: 'LayerNormalization',
  docs: 'Normalises the features of each example (not over the batch), as in transformers.',
  params: z.object({ epsilon: epsilonParam() }),
  arity: { min: 1, max: 1 },
  inferShape: ([x]) => normalizable('LayerNormalization', x),
  countParams: ({ inputs: [x] }) => ({ trainable: 2 * last(x), nonTrainable: 0 }),
  countMacs: ({ inputs: [x] }) => knownProduct(x),
});

/** Normalisation over the last (channel or feature) axis. */
export const normalizationLayers = {
  BatchNormalization: batchNormalization,
  LayerNormalization: layerNormalization,
};
