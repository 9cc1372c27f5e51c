import * as tf from '@tensorflow/tfjs';
import type { RecurrentKind } from '../../../shared/layers/recurrent.js';
import { activate } from './activation.js';
import { dense } from './core.js';
import type { OnnxTable } from './emitter.js';
import { floats, int, ints, str, strs, type Attribute, type OnnxGraph } from './graph.js';

/** One direction's Keras weights: kernel `[in, gates·u]`, recurrent kernel `[u, gates·u]`, bias. */
interface CellWeights {
  kernel: tf.Tensor;
  recurrent: tf.Tensor;
  bias: tf.Tensor;
}

type CellActivation = 'tanh' | 'relu' | 'sigmoid' | 'linear';

const ONNX_ACTIVATION: Record<CellActivation, string> = {
  tanh: 'Tanh',
  relu: 'Relu',
  sigmoid: 'Sigmoid',
  linear: 'Affine',
};

/** Keras orders LSTM gates input, forget, cell, output; ONNX input, output, forget, cell. */
const GATE_ORDER: Record<RecurrentKind, number[]> = {
  SimpleRNN: [0],
  LSTM: [0, 3, 1, 2],
  GRU: [0, 1, 2],
};

/** A Keras `[in, gates·u]` kernel as ONNX's `[gates·u, in]` in ONNX's gate order. */
function gates(kind: RecurrentKind, kernel: tf.Tensor): tf.Tensor {
  const blocks = tf.split(tf.transpose(kernel), GATE_ORDER[kind].length, 0);
  return tf.concat(
    GATE_ORDER[kind].map((i) => blocks[i]),
    0,
  );
}

/** ONNX's bias `[input biases; recurrent biases]`; Keras keeps the second only for reset-after GRUs. */
function biases(kind: RecurrentKind, bias: tf.Tensor): tf.Tensor {
  if (bias.rank === 2) return tf.reshape(bias, [-1]); // Keras' reset-after GRU: [2, 3u]
  const input = tf.squeeze(gates(kind, tf.reshape(bias, [1, -1])), [1]);
  return tf.concat([input, tf.zerosLike(input)]);
}

export interface RecurrentSpec {
  kind: RecurrentKind;
  units: number;
  activation: CellActivation;
  /** Keras' GRU reset_after (ONNX linear_before_reset). */
  resetAfter: boolean;
  /** LSTM's gate function; sigmoid when absent. */
  recurrentActivation?: 'sigmoid' | 'hard_sigmoid';
  cells: CellWeights[];
}

/** ONNX's α and β of the activations that take them: Keras 2 / tfjs hard sigmoid, and identity. */
const ACTIVATION_PARAMS: Record<string, [number, number]> = {
  HardSigmoid: [0.2, 0.5],
  Affine: [1, 0],
};

/**
 * Runs ONNX's RNN/LSTM/GRU over a batch-first `[batch, steps, features]` tensor; returns ONNX's
 * `Y` `[steps, directions, batch, units]` and `Y_h` `[directions, batch, units]`.
 */
export function recurrent(g: OnnxGraph, x: string, spec: RecurrentSpec): [string, string] {
  const { kind, cells } = spec;
  const stack = (pick: (c: CellWeights) => tf.Tensor) => tf.stack(cells.map(pick));
  const w = g.weight(
    'W',
    stack((c) => gates(kind, c.kernel)),
  );
  const r = g.weight(
    'R',
    stack((c) => gates(kind, c.recurrent)),
  );
  const b = g.weight(
    'B',
    stack((c) => biases(kind, c.bias)),
  );
  const directions = cells.length;
  const act = ONNX_ACTIVATION[spec.activation];
  const gate = spec.recurrentActivation === 'hard_sigmoid' ? 'HardSigmoid' : 'Sigmoid';
  const perCell = kind === 'LSTM' ? [gate, act, act] : kind === 'GRU' ? ['Sigmoid', act] : [act];
  const activations = Array.from({ length: directions }, () => perCell).flat();
  const attributes: Record<string, Attribute> = {
    hidden_size: int(spec.units),
    direction: str(directions === 2 ? 'bidirectional' : 'forward'),
    activations: strs(activations),
  };
  const parametrised = activations.filter((a) => a in ACTIVATION_PARAMS);
  if (parametrised.length > 0) {
    // Read in the activations' order, or only by those that take them: when every activation
    // takes them, both readings agree; otherwise one kind does, and every entry holds its values.
    const all = parametrised.length === activations.length;
    const values = (a: string) => ACTIVATION_PARAMS[all ? a : parametrised[0]];
    attributes.activation_alpha = floats(activations.map((a) => values(a)[0]));
    attributes.activation_beta = floats(activations.map((a) => values(a)[1]));
  }
  if (kind === 'GRU') attributes.linear_before_reset = int(spec.resetAfter ? 1 : 0);
  const op = { SimpleRNN: 'RNN', LSTM: 'LSTM', GRU: 'GRU' }[kind];
  const timeMajor = g.op('Transpose', [x], { perm: ints([1, 0, 2]) });
  const [y, yh] = g.opN(op, [timeMajor, w, r, b], 2, attributes);
  return [y, yh];
}

/** One direction's output as Keras gives it: the whole sequence `[batch, steps, u]` or the last state. */
function single(g: OnnxGraph, [y, yh]: [string, string], sequences: boolean): string {
  if (!sequences) return g.op('Squeeze', [yh, g.int64s('axes', [0])]);
  const steps = g.op('Squeeze', [y, g.int64s('axes', [1])]);
  return g.op('Transpose', [steps], { perm: ints([1, 0, 2]) });
}

type MergeMode = 'concat' | 'sum' | 'mul' | 'ave';

/** Both directions merged as Keras' Bidirectional does (forward first for concat). */
function merged(
  g: OnnxGraph,
  [y, yh]: [string, string],
  sequences: boolean,
  mode: MergeMode,
  units: number,
): string {
  // Put the direction axis right before the units: [batch, (steps,) 2, units].
  const batchFirst = sequences
    ? g.op('Transpose', [y], { perm: ints([2, 0, 1, 3]) })
    : g.op('Transpose', [yh], { perm: ints([1, 0, 2]) });
  const axis = sequences ? 2 : 1;
  if (mode === 'concat') {
    return g.op('Reshape', [
      batchFirst,
      g.int64s('shape', [0, ...(sequences ? [0] : []), 2 * units]),
    ]);
  }
  const reduce = { sum: 'ReduceSum', mul: 'ReduceProd', ave: 'ReduceMean' }[mode];
  // ReduceSum takes its axes as an input from opset 13; the others still as an attribute in 17.
  return mode === 'sum'
    ? g.op(reduce, [batchFirst, g.int64s('axes', [axis])], { keepdims: int(0) })
    : g.op(reduce, [batchFirst], { axes: ints([axis]), keepdims: int(0) });
}

const cell = ([kernel, recurrentKernel, bias]: tf.Tensor[]): CellWeights => ({
  kernel,
  recurrent: recurrentKernel,
  bias,
});

type Kind = 'SimpleRNN' | 'LSTM' | 'GRU' | 'Bidirectional' | 'TimeDistributed';

/** Emitters of the recurrent family on batch-first sequences. */
export const recurrentEmitters: OnnxTable<Kind> = {
  SimpleRNN: ({ g, inputs: [x], params: p, weights }) =>
    single(
      g,
      recurrent(g, x, { ...p, kind: 'SimpleRNN', resetAfter: false, cells: [cell(weights())] }),
      p.returnSequences,
    ),
  LSTM: ({ g, inputs: [x], params: p, weights }) =>
    single(
      g,
      recurrent(g, x, { ...p, kind: 'LSTM', resetAfter: false, cells: [cell(weights())] }),
      p.returnSequences,
    ),
  GRU: ({ g, inputs: [x], params: p, weights }) =>
    single(g, recurrent(g, x, { ...p, kind: 'GRU', cells: [cell(weights())] }), p.returnSequences),
  Bidirectional: ({ g, inputs: [x], params: p, weights }) => {
    const all = weights();
    const outputs = recurrent(g, x, {
      kind: p.layer,
      units: p.units,
      // The Bidirectional builder wraps a default cell: tanh, and Keras' reset-after GRU.
      activation: 'tanh',
      resetAfter: true,
      cells: [cell(all.slice(0, 3)), cell(all.slice(3, 6))],
    });
    return merged(g, outputs, p.returnSequences, p.mergeMode, p.units);
  },
  TimeDistributed: ({ g, inputs: [x], params, weights }) => {
    const [kernel, bias] = weights();
    return activate(g, dense(g, x, kernel, bias), params.activation);
  },
};
