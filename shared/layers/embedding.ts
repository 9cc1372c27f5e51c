import { z } from 'zod';
import { defineLayer, fail, NO_PARAMS, ok } from './definition.js';
import { expectSequence } from './sequence-rules.js';
import { formatShape } from './shape.js';

const embedding = defineLayer({
  kind: 'Embedding',
  family: 'embedding',
  label: 'Embedding',
  docs: 'Turns each token id (an int32 Input of shape [steps]) into a learned vector.',
  params: z.object({
    inputDim: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(1000)
      .describe('Vocabulary size: token ids run from 0 to this minus 1'),
    outputDim: z
      .number()
      .int()
      .min(1)
      .max(8192)
      .default(64)
      .describe('Length of each token vector'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([ids], { outputDim }) {
    if (ids.length !== 1) {
      return fail({
        code: 'rank-mismatch',
        message: `Embedding expects token ids of shape [steps] but receives ${formatShape(ids)} (rank ${ids.length}).`,
        hint: 'Feed it an int32 Input of shape [steps], one token id per step.',
        port: 0,
      });
    }
    return ok([ids[0], outputDim]);
  },
  countParams: ({ params }) => ({ trainable: params.inputDim * params.outputDim, nonTrainable: 0 }),
  countMacs: () => 0,
});

const positionEmbedding = defineLayer({
  kind: 'PositionEmbedding',
  family: 'embedding',
  label: 'Position embedding',
  docs: 'Adds a learned vector for each position to a [steps, features] sequence.',
  params: z.object({
    maxLength: z
      .number()
      .int()
      .min(1)
      .max(65_536)
      .default(512)
      .describe('Longest sequence it has positions for'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { maxLength }) {
    const issue = expectSequence('PositionEmbedding', x);
    if (issue) return fail(issue);
    if (x[0] !== null && x[0] > maxLength) {
      return fail({
        code: 'size-mismatch',
        message: `PositionEmbedding has positions for ${maxLength} steps but receives ${formatShape(x)}.`,
        hint: `Raise maxLength to at least ${x[0]}, or shorten the sequences.`,
        port: 0,
        param: 'maxLength',
      });
    }
    return ok(x);
  },
  countParams: ({ inputs: [x], params }) => ({
    trainable: params.maxLength * (x[1] ?? 0),
    nonTrainable: 0,
  }),
  countMacs: () => 0,
});

const sinusoidal = defineLayer({
  kind: 'SinusoidalPositionalEncoding',
  family: 'embedding',
  label: 'Sinusoidal positions',
  docs: 'Adds fixed sine/cosine position signals (as in "Attention Is All You Need"); no weights.',
  params: z.object({
    maxWavelength: z
      .number()
      .min(1)
      .max(1_000_000)
      .default(10_000)
      .describe('Longest wavelength of the sine/cosine signals'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x]) {
    const issue = expectSequence('SinusoidalPositionalEncoding', x);
    return issue ? fail(issue) : ok(x);
  },
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

export const embeddingLayers = {
  Embedding: embedding,
  PositionEmbedding: positionEmbedding,
  SinusoidalPositionalEncoding: sinusoidal,
};
