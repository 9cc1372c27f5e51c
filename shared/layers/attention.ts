import { z } from 'zod';
import { defineLayer, fail, ok } from './definition.js';
import { last } from './rules.js';
import { expectSequence, steps } from './sequence-rules.js';

/** The head layout every attention layer shares. */
export interface AttentionHeads {
  numHeads: number;
  keyDim: number;
  /** 0: the same as `keyDim`. */
  valueDim: number;
}

const valueSize = (h: AttentionHeads) => h.valueDim || h.keyDim;

/**
 * Weights of Keras' MultiHeadAttention for queries of `queryFeatures` attending to a sequence of
 * `sourceFeatures`: query, key and value projections with biases, and an output projection back
 * to `queryFeatures` with a bias.
 */
export function attentionWeights(
  queryFeatures: number,
  sourceFeatures: number,
  h: AttentionHeads,
): number {
  const heads = (size: number, from: number) => h.numHeads * size * (from + 1);
  const value = valueSize(h);
  return (
    heads(h.keyDim, queryFeatures) +
    heads(h.keyDim, sourceFeatures) +
    heads(value, sourceFeatures) +
    h.numHeads * value * queryFeatures +
    queryFeatures
  );
}

/** Multiply-adds of one attention: projections, scores, weighted values, output projection. */
export function attentionMacs(
  query: readonly (number | null)[],
  source: readonly (number | null)[],
  h: AttentionHeads,
): number {
  const [tq, tk, dq, dk] = [steps(query), steps(source), last(query), last(source)];
  const value = valueSize(h);
  const projections = h.numHeads * (tq * dq * h.keyDim + tk * dk * (h.keyDim + value));
  const mixing = h.numHeads * tq * tk * (h.keyDim + value);
  return projections + mixing + tq * h.numHeads * value * dq;
}

/** Parameters shared by attention and the transformer blocks built on it. */
export const headParams = {
  numHeads: z.number().int().min(1).max(128).default(4).describe('Number of attention heads'),
  keyDim: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(32)
    .describe('Size of each head’s query and key projections'),
};

const multiHeadAttention = defineLayer({
  kind: 'MultiHeadAttention',
  family: 'attention',
  label: 'Multi-head attention',
  docs: 'Each step attends to a sequence: itself (one input) or a second one (cross-attention).',
  params: z.object({
    ...headParams,
    valueDim: z
      .number()
      .int()
      .min(0)
      .max(1024)
      .default(0)
      .describe('Size of each head’s value projection (0: same as keyDim)'),
    dropout: z
      .number()
      .min(0)
      .max(0.9)
      .default(0)
      .describe('Fraction of attention weights dropped while training'),
    causal: z
      .boolean()
      .default(false)
      .describe('Let each step see only itself and earlier steps (GPT-style)'),
  }),
  arity: { min: 1, max: 2 },
  portNames: ['query', 'key/value'],
  inferShape(inputs) {
    for (const [port, shape] of inputs.entries()) {
      const issue = expectSequence('MultiHeadAttention', shape, port);
      if (issue) return fail(issue);
    }
    return ok(inputs[0]);
  },
  countParams: ({ inputs, params }) => ({
    trainable: attentionWeights(last(inputs[0]), last(inputs[1] ?? inputs[0]), params),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs, params }) => attentionMacs(inputs[0], inputs[1] ?? inputs[0], params),
});

export const attentionLayers = { MultiHeadAttention: multiHeadAttention };
