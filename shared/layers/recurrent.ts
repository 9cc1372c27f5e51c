import { z } from 'zod';
import { activationParam } from './activations.js';
import { defineLayer, fail, ok, type ParamCount } from './definition.js';
import { expectKnownFeatures, knownProduct, last } from './rules.js';
import { expectSequence, steps } from './sequence-rules.js';
import { formatShape } from './shape.js';

export const RECURRENT_KINDS = ['SimpleRNN', 'LSTM', 'GRU'] as const;
export type RecurrentKind = (typeof RECURRENT_KINDS)[number];

/** Activations a recurrent cell can apply to its state (others explode or are layers in tfjs). */
export const RECURRENT_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;

/** Weight blocks per cell: one per gate (LSTM: input, forget, cell, output; GRU: update, reset, candidate). */
const GATES: Record<RecurrentKind, number> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };

/**
 * Weights of one recurrent layer as Keras counts them: per gate an input kernel, a recurrent
 * kernel and a bias; Keras' GRU with `reset_after` (its default) keeps a second, recurrent bias.
 */
export function recurrentWeights(
  kind: RecurrentKind,
  features: number,
  units: number,
  resetAfter = true,
): number {
  const biases = kind === 'GRU' && resetAfter ? 2 : 1;
  return GATES[kind] * (features * units + units * units + biases * units);
}

const recurrentShape = (
  layer: string,
  x: readonly (number | null)[],
  units: number,
  all: boolean,
) => {
  const issue = expectSequence(layer, x);
  if (issue) return fail(issue);
  return ok(all ? [x[0], units] : [units]);
};

const recurrentMacs = (kind: RecurrentKind, x: readonly (number | null)[], units: number) =>
  steps(x) * GATES[kind] * (last(x) * units + units * units);

const unitsParam = () =>
  z.number().int().min(1).max(4096).default(64).describe('Size of the hidden state');
const sequencesParam = () =>
  z
    .boolean()
    .default(false)
    .describe('Output every step [steps, units] instead of only the last [units]');
const cellActivation = () =>
  z.enum(RECURRENT_ACTIVATIONS).default('tanh').describe('Function applied to the new state');

const recurrent = <const K extends RecurrentKind>(kind: K, docs: string) =>
  defineLayer({
    kind,
    family: 'recurrent',
    label: kind,
    docs,
    params: z.object({
      units: unitsParam(),
      activation: cellActivation(),
      returnSequences: sequencesParam(),
    }),
    arity: { min: 1, max: 1 },
    inferShape: ([x], p) => recurrentShape(kind, x, p.units, p.returnSequences),
    countParams: ({ inputs: [x], params }): ParamCount => ({
      trainable: recurrentWeights(kind, last(x), params.units),
      nonTrainable: 0,
    }),
    countMacs: ({ inputs: [x], params }) => recurrentMacs(kind, x, params.units),
  });

const gru = defineLayer({
  kind: 'GRU',
  family: 'recurrent',
  label: 'GRU',
  docs: 'Gated recurrent unit: a lighter LSTM with update and reset gates (Keras defaults).',
  params: z.object({
    units: unitsParam(),
    activation: cellActivation(),
    returnSequences: sequencesParam(),
    resetAfter: z
      .boolean()
      .default(true)
      .describe(
        'Apply the reset gate after the recurrent product, with a second bias (Keras default, cuDNN-compatible)',
      ),
  }),
  arity: { min: 1, max: 1 },
  inferShape: ([x], p) => recurrentShape('GRU', x, p.units, p.returnSequences),
  countParams: ({ inputs: [x], params }) => ({
    trainable: recurrentWeights('GRU', last(x), params.units, params.resetAfter),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x], params }) => recurrentMacs('GRU', x, params.units),
});

const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'] as const;

const bidirectional = defineLayer({
  kind: 'Bidirectional',
  family: 'recurrent',
  label: 'Bidirectional',
  docs: 'Runs a recurrent layer forwards and backwards over the sequence and merges the two.',
  params: z.object({
    layer: z
      .enum(RECURRENT_KINDS)
      .default('LSTM')
      .describe('Recurrent layer run in each direction'),
    units: unitsParam(),
    returnSequences: sequencesParam(),
    mergeMode: z
      .enum(MERGE_MODES)
      .default('concat')
      .describe('How the two directions combine: concat doubles the features'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], p) {
    const width = p.mergeMode === 'concat' ? 2 * p.units : p.units;
    return recurrentShape('Bidirectional', x, width, p.returnSequences);
  },
  countParams: ({ inputs: [x], params }) => ({
    trainable: 2 * recurrentWeights(params.layer, last(x), params.units),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x], params }) => 2 * recurrentMacs(params.layer, x, params.units),
});

const timeDistributed = defineLayer({
  kind: 'TimeDistributed',
  family: 'recurrent',
  label: 'TimeDistributed Dense',
  docs: 'Applies the same Dense layer to every step of a sequence.',
  params: z.object({
    units: z.number().int().min(1).max(65_536).default(64).describe('Output units per step'),
    activation: activationParam('linear'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], { units }) {
    if (x.length < 2) {
      return fail({
        code: 'rank-mismatch',
        message: `TimeDistributed expects a sequence (steps×features) but receives ${formatShape(x)} (rank ${x.length}).`,
        hint: 'Use a plain Dense for a vector, or keep the steps (returnSequences on the RNN before it).',
        port: 0,
      });
    }
    const issue = expectKnownFeatures('TimeDistributed', x);
    return issue ? fail(issue) : ok([...x.slice(0, -1), units]);
  },
  countParams: ({ inputs: [x], params }) => ({
    trainable: last(x) * params.units + params.units,
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x], params }) => knownProduct(x) * params.units,
});

/** Functions an LSTM's gates may use: Keras' sigmoid, or tfjs' default hard sigmoid. */
export const GATE_ACTIVATIONS = ['sigmoid', 'hard_sigmoid'] as const;

const lstm = defineLayer({
  kind: 'LSTM',
  family: 'recurrent',
  label: 'LSTM',
  docs: 'Long short-term memory: gated recurrent layer that keeps long-range context.',
  params: z.object({
    units: unitsParam(),
    activation: cellActivation(),
    returnSequences: sequencesParam(),
    recurrentActivation: z
      .enum(GATE_ACTIVATIONS)
      .default('sigmoid')
      .describe(
        "Function of the gates: sigmoid (Keras' default) or hard_sigmoid, clip(0.2x + 0.5, 0, 1) (tfjs' default)",
      ),
  }),
  arity: { min: 1, max: 1 },
  inferShape: ([x], p) => recurrentShape('LSTM', x, p.units, p.returnSequences),
  countParams: ({ inputs: [x], params }): ParamCount => ({
    trainable: recurrentWeights('LSTM', last(x), params.units),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x], params }) => recurrentMacs('LSTM', x, params.units),
});

export const recurrentLayers = {
  SimpleRNN: recurrent(
    'SimpleRNN',
    'Recurrent layer whose state is a function of the last state and the step.',
  ),
  LSTM: lstm,
  GRU: gru,
  Bidirectional: bidirectional,
  TimeDistributed: timeDistributed,
};
