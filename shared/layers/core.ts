import { z } from 'zod';
import { ACTIVATIONS, activationParam } from './activations.js';
import { defineLayer, fail, NO_PARAMS, ok } from './definition.js';
import { expectKnownFeatures, knownProduct, last } from './rules.js';

const dense = defineLayer({
  kind: 'Dense',
  family: 'core',
  label: 'Dense',
  docs: 'Fully connected layer: every output unit sees every input feature (applied to the last axis).',
  params: z.object({
    units: z.number().int().min(1).max(65_536).default(64).describe('Number of output units'),
    activation: activationParam('relu'),
    useBias: z.boolean().default(true).describe('Add a learned bias'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { units }) {
    const issue = expectKnownFeatures('Dense', x);
    return issue ? fail(issue) : ok([...x.slice(0, -1), units]);
  },
  countParams: ({ inputs: [x], params }) => ({
    trainable: last(x) * params.units + (params.useBias ? params.units : 0),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x], params }) => knownProduct(x) * params.units,
});

const activation = defineLayer({
  kind: 'Activation',
  family: 'activation',
  label: 'Activation',
  docs: 'Applies a function element-wise: relu, sigmoid, tanh, softmax, gelu, swish and more.',
  params: z.object({
    fn: z
      .enum(ACTIVATIONS.filter((a) => a !== 'linear'))
      .default('relu')
      .describe('Function'),
    alpha: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .describe('Slope for negative inputs (leaky_relu only)'),
  }),
  arity: { min: 1, max: 1 },
  inferShape: ([x]) => ok(x),
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

const dropout = defineLayer({
  kind: 'Dropout',
  family: 'core',
  label: 'Dropout',
  docs: 'Zeroes a random fraction of inputs while training, to reduce overfitting.',
  params: z.object({
    rate: z.number().min(0).max(0.99).default(0.5).describe('Fraction of inputs to drop'),
  }),
  arity: { min: 1, max: 1 },
  inferShape: ([x]) => ok(x),
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

export const coreLayers = { Dense: dense, Activation: activation, Dropout: dropout };
