import { describe, expect, it } from 'vitest';
import { chainOf, sketch } from '../../../shared/graph/sketch.js';
import { onnxParity } from './parity.js';

const TOLERANCE = 1e-4;
const out = ['Output', { loss: 'mean_squared_error', metrics: [] }] as const;
const net = (shape: (number | null)[], ...layers: [string, Record<string, unknown>?][]) =>
  chainOf(['Input', { shape }], ...layers, [...out]);

describe('recurrent layers exported to ONNX', () => {
  it.each([
    ['LSTM returning sequences', net([6, 3], ['LSTM', { units: 5, returnSequences: true }])],
    ['LSTM last state, relu cell', net([6, 3], ['LSTM', { units: 4, activation: 'relu' }])],
    [
      'GRU (reset after) returning sequences',
      net([5, 2], ['GRU', { units: 4, returnSequences: true }]),
    ],
    ['GRU reset before, last state', net([5, 2], ['GRU', { units: 3, resetAfter: false }])],
    [
      'SimpleRNN with a linear cell',
      net([5, 2], ['SimpleRNN', { units: 3, activation: 'linear', returnSequences: true }]),
    ],
    [
      'Bidirectional LSTM concat, sequences',
      net([5, 3], ['Bidirectional', { layer: 'LSTM', units: 3, returnSequences: true }]),
    ],
    [
      'Bidirectional GRU sum, last state',
      net([5, 3], ['Bidirectional', { layer: 'GRU', units: 3, mergeMode: 'sum' }]),
    ],
    [
      'Bidirectional SimpleRNN ave, sequences',
      net(
        [4, 2],
        [
          'Bidirectional',
          { layer: 'SimpleRNN', units: 2, mergeMode: 'ave', returnSequences: true },
        ],
      ),
    ],
    [
      'Bidirectional LSTM mul, last state',
      net([4, 2], ['Bidirectional', { layer: 'LSTM', units: 2, mergeMode: 'mul' }]),
    ],
    ['variable-length LSTM', net([null, 3], ['LSTM', { units: 3, returnSequences: true }])],
    [
      'TimeDistributed Dense',
      net([4, 3], ['TimeDistributed', { units: 2, activation: 'softmax' }]),
    ],
    [
      'RepeatVector then Permute and Reshape',
      net(
        [3],
        ['RepeatVector', { n: 4 }],
        ['Permute', { dims: [2, 1] }],
        ['Reshape', { targetShape: [2, -1] }],
      ),
    ],
    ['Dense on a sequence (last axis)', net([4, 3], ['Dense', { units: 2, activation: 'gelu' }])],
  ])('%s', async (_, graph) => {
    const { maxMixed } = await onnxParity(graph);
    expect(maxMixed).toBeLessThan(TOLERANCE);
  });
});

describe('attention and embeddings exported to ONNX', () => {
  const tokens = ['Input', { shape: [6], dtype: 'int32' }] as const;
  it.each([
    [
      'causal self-attention',
      net([5, 4], ['MultiHeadAttention', { numHeads: 2, keyDim: 3, causal: true }]),
    ],
    [
      'self-attention with a value size of its own',
      net([5, 4], ['MultiHeadAttention', { numHeads: 3, keyDim: 2, valueDim: 5 }]),
    ],
    [
      'cross-attention to a longer source',
      sketch(
        {
          q: ['Input', { shape: [3, 4] }],
          s: ['Input', { shape: [7, 6] }],
          a: ['MultiHeadAttention', { numHeads: 2, keyDim: 4 }],
          o: [...out],
        },
        ['q -> a', 's -> a:1', 'a -> o'],
      ),
    ],
    [
      'Embedding, PositionEmbedding, causal gelu encoder block',
      chainOf(
        [...tokens],
        ['Embedding', { inputDim: 11, outputDim: 8 }],
        ['PositionEmbedding', { maxLength: 10 }],
        [
          'TransformerEncoderBlock',
          { numHeads: 2, keyDim: 4, ffDim: 6, ffActivation: 'gelu', causal: true },
        ],
        [...out],
      ),
    ],
    [
      'sinusoidal encoding and a decoder block',
      sketch(
        {
          t: [...tokens],
          e: ['Embedding', { inputDim: 9, outputDim: 8 }],
          p: ['SinusoidalPositionalEncoding'],
          m: ['Input', { shape: [4, 5] }],
          d: ['TransformerDecoderBlock', { numHeads: 2, keyDim: 3, ffDim: 7 }],
          o: [...out],
        },
        ['t -> e', 'e -> p', 'p -> d', 'm -> d:1', 'd -> o'],
      ),
    ],
    [
      'merges: Add, Subtract, Multiply, Average, Concatenate',
      sketch(
        {
          a: ['Input', { shape: [4, 3] }],
          b: ['Input', { shape: [4, 3] }],
          s: ['Add'],
          d: ['Subtract'],
          m: ['Multiply'],
          v: ['Average'],
          c: ['Concatenate', { axis: 1 }],
          o: [...out],
        },
        [
          'a -> s',
          'b -> s:1',
          'a -> s:2',
          'a -> d',
          'b -> d:1',
          's -> m',
          'd -> m:1',
          'm -> v',
          'a -> v:1',
          'b -> v:2',
          'v -> c',
          'b -> c:1',
          'c -> o',
        ],
      ),
    ],
    [
      'LayerNormalization and activations',
      net(
        [3, 5],
        ['LayerNormalization', { epsilon: 0.01 }],
        ['Activation', { fn: 'leaky_relu', alpha: 0.2 }],
        ['Activation', { fn: 'softmax' }],
      ),
    ],
  ])('%s', async (_, graph) => {
    const { maxMixed } = await onnxParity(graph);
    expect(maxMixed).toBeLessThan(TOLERANCE);
  });
});
