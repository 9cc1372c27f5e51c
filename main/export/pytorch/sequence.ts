import * as tf from '@tensorflow/tfjs';
import type { embeddingLayers } from '../../../shared/layers/embedding.js';
import type { recurrentLayers, RecurrentKind } from '../../../shared/layers/recurrent.js';
import type { attentionLayers } from '../../../shared/layers/attention.js';
import type { transformerLayers } from '../../../shared/layers/transformer.js';
import { activate, features, type TorchTable, type Unsupported } from './layer.js';
import { kwargs } from './python.js';

type Entry = [string, tf.Tensor];

const linear = (prefix: string, [kernel, bias]: tf.Tensor[]): Entry[] => [
  [`${prefix}weight`, tf.transpose(kernel)],
  [`${prefix}bias`, bias.clone()],
];

const norm = (prefix: string, [gamma, beta]: tf.Tensor[]): Entry[] => [
  [`${prefix}weight`, gamma.clone()],
  [`${prefix}bias`, beta.clone()],
];

/** Keras' per-head kernels `[from, heads, size]` (output: `[heads, size, to]`) as flat Linears. */
function attention(prefix: string, w: tf.Tensor[]): Entry[] {
  const flat = (t: tf.Tensor, rows: number) => tf.reshape(t, [rows, -1]);
  const [qk, qb, kk, kb, vk, vb, ok, ob] = w;
  const projection = (name: string, kernel: tf.Tensor, bias: tf.Tensor): Entry[] => [
    [`${prefix}${name}.weight`, tf.transpose(flat(kernel, kernel.shape[0]))],
    [`${prefix}${name}.bias`, tf.reshape(bias, [-1])],
  ];
  return [
    ...projection('query', qk, qb),
    ...projection('key', kk, kb),
    ...projection('value', vk, vb),
    [`${prefix}output.weight`, tf.transpose(tf.reshape(ok, [-1, ok.shape[ok.rank - 1]!]))],
    [`${prefix}output.bias`, ob.clone()],
  ];
}

/** Gate blocks along the last axis, reordered: Keras' GRU z, r, h is torch's r, z, n. */
const reorderGates = (kind: RecurrentKind, t: tf.Tensor): tf.Tensor => {
  if (kind !== 'GRU') return t.clone(); // LSTM's i, f, c, o is torch's i, f, g, o.
  const [z, r, h] = tf.split(t, 3, -1);
  return tf.concat([r, z, h], -1);
};

/**
 * A Keras cell's kernel `[in, gates·u]`, recurrent kernel and bias as torch's `weight_ih`,
 * `weight_hh`, `bias_ih`, `bias_hh`. Keras' LSTM and SimpleRNN have one bias, which goes to
 * `bias_ih` with zeros in `bias_hh`; its GRU (reset_after) has both, input bias first.
 */
function recurrentState(kind: RecurrentKind, [kernel, recurrent, bias]: tf.Tensor[], suffix = '') {
  const [inputBias, recurrentBias] = kind === 'GRU' ? tf.unstack(bias) : [bias, tf.zerosLike(bias)];
  const entries: Entry[] = [
    [`rnn.weight_ih_l0${suffix}`, tf.transpose(reorderGates(kind, kernel))],
    [`rnn.weight_hh_l0${suffix}`, tf.transpose(reorderGates(kind, recurrent))],
    [`rnn.bias_ih_l0${suffix}`, reorderGates(kind, inputBias)],
    [`rnn.bias_hh_l0${suffix}`, reorderGates(kind, recurrentBias)],
  ];
  return entries;
}

/** Why torch's RNN modules cannot run a cell; undefined when they can. */
function cellIssue(
  kind: RecurrentKind,
  activation: string,
  resetAfter = true,
  gates = 'sigmoid',
): string | undefined {
  // Strata's own loop runs an LSTM with hard-sigmoid gates; torch's modules have sigmoid only.
  if (gates !== 'sigmoid' && kind !== 'LSTM') {
    return `torch's nn.${kind} gates always use sigmoid, not ${gates}`;
  }
  if (kind === 'SimpleRNN' && activation !== 'tanh' && activation !== 'relu') {
    return `torch's nn.RNN offers tanh or relu, not ${activation}`;
  }
  if (kind !== 'SimpleRNN' && activation !== 'tanh') {
    return `torch's nn.${kind} always uses tanh, not ${activation}`;
  }
  if (!resetAfter) {
    return "torch's nn.GRU applies the reset gate after the recurrent product (Keras' reset_after=True) only";
  }
  return undefined;
}

const recurrent =
  <K extends RecurrentKind>(kind: K) =>
  (
    p: {
      units: number;
      activation: string;
      returnSequences: boolean;
      resetAfter?: boolean;
      recurrentActivation?: string;
    },
    { inputs: [x] }: { inputs: readonly (readonly (number | null)[])[] },
  ) => {
    const issue = cellIssue(kind, p.activation, p.resetAfter, p.recurrentActivation);
    if (issue) return { unsupported: issue } satisfies Unsupported;
    const nonlinearity = kind === 'SimpleRNN' ? p.activation : undefined;
    const gates = p.recurrentActivation === 'hard_sigmoid' ? 'hard_sigmoid' : undefined;
    return {
      module: `Recurrent(${kwargs({ kind, features: features(x), units: p.units, return_sequences: p.returnSequences, nonlinearity, gates })})`,
      helpers: ['recurrent' as const],
      forward: ([x]: string[], self: string) => `${self}(${x})`,
      state: (w: tf.Tensor[]) => recurrentState(kind, w),
    };
  };

type SequenceKind =
  | keyof typeof embeddingLayers
  | keyof typeof recurrentLayers
  | keyof typeof attentionLayers
  | keyof typeof transformerLayers;

/** Embeddings, recurrent layers, attention and transformer blocks. */
export const sequenceEmitters: TorchTable<SequenceKind> = {
  Embedding: ({ inputDim, outputDim }) => ({
    module: `nn.Embedding(${inputDim}, ${outputDim})`,
    forward: ([x], self) => `${self}(${x}.long())`,
    state: ([table]) => [['weight', table.clone()]],
  }),
  PositionEmbedding: ({ maxLength }, { inputs: [x] }) => ({
    module: `PositionEmbedding(${kwargs({ max_length: maxLength, features: features(x) })})`,
    helpers: ['positionEmbedding'],
    forward: ([x], self) => `${self}(${x})`,
    state: ([table]) => [['embeddings', table.clone()]],
  }),
  SinusoidalPositionalEncoding: ({ maxWavelength }) => ({
    module: `SinusoidalPositionalEncoding(${kwargs({ max_wavelength: maxWavelength })})`,
    helpers: ['sinusoidal'],
    forward: ([x], self) => `${self}(${x})`,
  }),
  SimpleRNN: recurrent('SimpleRNN'),
  LSTM: recurrent('LSTM'),
  GRU: recurrent('GRU'),
  Bidirectional: (p, { inputs: [x] }) => ({
    module: `Recurrent(${kwargs({ kind: p.layer, features: features(x), units: p.units, return_sequences: p.returnSequences, bidirectional: true, merge_mode: p.mergeMode })})`,
    helpers: ['recurrent'],
    forward: ([x], self) => `${self}(${x})`,
    // tfjs holds the forward layer's weights, then the backward layer's.
    state: (w) => [
      ...recurrentState(p.layer, w.slice(0, 3)),
      ...recurrentState(p.layer, w.slice(3, 6), '_reverse'),
    ],
  }),
  TimeDistributed: ({ units, activation }, { inputs: [x] }) => ({
    module: `nn.Linear(${features(x)}, ${units})`,
    forward: ([x], self) => activate(activation, `${self}(${x})`),
    state: (w) => linear('', w),
  }),
  MultiHeadAttention: (p, { inputs: [q, kv = q] }) => ({
    module: `MultiHeadAttention(${kwargs({ query_features: features(q), source_features: features(kv), num_heads: p.numHeads, key_dim: p.keyDim, value_dim: p.valueDim, dropout: p.dropout, causal: p.causal })})`,
    helpers: ['attention'],
    forward: (inputs, self) => `${self}(${inputs.join(', ')})`,
    state: (w) => attention('', w),
  }),
  TransformerEncoderBlock: (p, { inputs: [x] }) => ({
    module: `TransformerEncoderBlock(${kwargs({ features: features(x), num_heads: p.numHeads, key_dim: p.keyDim, ff_dim: p.ffDim, ff_activation: p.ffActivation, dropout: p.dropout, causal: p.causal })})`,
    helpers: ['encoderBlock'],
    forward: ([x], self) => `${self}(${x})`,
    state: (w) => [
      ...attention('self_attention.', w.slice(0, 8)),
      ...norm('attention_norm.', w.slice(8, 10)),
      ...linear('ff_hidden.', w.slice(10, 12)),
      ...linear('ff_out.', w.slice(12, 14)),
      ...norm('ff_norm.', w.slice(14, 16)),
    ],
  }),
  TransformerDecoderBlock: (p, { inputs: [x, memory] }) => ({
    module: `TransformerDecoderBlock(${kwargs({ features: features(x), memory_features: features(memory), num_heads: p.numHeads, key_dim: p.keyDim, ff_dim: p.ffDim, ff_activation: p.ffActivation, dropout: p.dropout })})`,
    helpers: ['decoderBlock'],
    forward: ([x, memory], self) => `${self}(${x}, ${memory})`,
    state: (w) => [
      ...attention('self_attention.', w.slice(0, 8)),
      ...norm('self_norm.', w.slice(8, 10)),
      ...attention('cross_attention.', w.slice(10, 18)),
      ...norm('cross_norm.', w.slice(18, 20)),
      ...linear('ff_hidden.', w.slice(20, 22)),
      ...linear('ff_out.', w.slice(22, 24)),
      ...norm('ff_norm.', w.slice(24, 26)),
    ],
  }),
};
