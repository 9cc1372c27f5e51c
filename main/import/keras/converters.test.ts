import { describe, expect, it } from 'vitest';
import { converterFor } from './converters.js';
import { importKerasModel } from './import.js';

const convert = (className: string, config: Record<string, unknown>) =>
  converterFor(className)!(config);

describe('Keras layer classes as Strata nodes', () => {
  it.each([
    // Keras' GRU defaults to reset_after=True since TF 2; tfjs' own GRU is the reset-before one.
    [
      'GRU',
      { units: 8, reset_after: true, recurrent_activation: 'sigmoid' },
      { kind: 'GRU', params: { units: 8, resetAfter: true } },
    ],
    ['GRU', { units: 8, reset_after: false }, { kind: 'GRU', params: { resetAfter: false } }],
    [
      'LSTM',
      { units: 4, return_sequences: true },
      { kind: 'LSTM', params: { returnSequences: true } },
    ],
    [
      'Bidirectional',
      { layer: { class_name: 'LSTM', config: { units: 5 } }, merge_mode: 'ave' },
      { kind: 'Bidirectional', params: { layer: 'LSTM', units: 5, mergeMode: 'ave' } },
    ],
    [
      'TimeDistributed',
      { layer: { class_name: 'Dense', config: { units: 3, activation: 'relu' } } },
      { kind: 'TimeDistributed', params: { units: 3, activation: 'relu' } },
    ],
    [
      'MultiHeadAttention',
      { num_heads: 2, key_dim: 8, value_dim: null, dropout: 0.1 },
      { kind: 'MultiHeadAttention', params: { numHeads: 2, keyDim: 8, valueDim: 0 } },
    ],
    [
      'ZeroPadding2D',
      {
        padding: [
          [1, 2],
          [3, 4],
        ],
      },
      { kind: 'ZeroPadding2D', params: { padding: [1, 2, 3, 4] } },
    ],
    ['Cropping2D', { cropping: 2 }, { kind: 'Cropping2D', params: { cropping: [2, 2, 2, 2] } }],
    [
      'MaxPool2D',
      { pool_size: [3, 3], strides: [3, 3], padding: 'valid' },
      { kind: 'MaxPool2D', params: { poolSize: [3, 3], strides: null } },
    ],
    [
      'AveragePooling1D',
      { pool_size: 4, strides: 2, padding: 'same' },
      { kind: 'AvgPool1D', params: { poolSize: 4, strides: 2 } },
    ],
    [
      'LeakyReLU',
      { negative_slope: 0.2 },
      { kind: 'Activation', params: { fn: 'leaky_relu', alpha: 0.2 } },
    ],
    ['Dense', { units: 2, activation: 'silu' }, { kind: 'Dense', params: { activation: 'swish' } }],
    [
      'PositionEmbedding',
      { sequence_length: 128 },
      { kind: 'PositionEmbedding', params: { maxLength: 128 } },
    ],
  ])('%s %j', (className, config, expected) => {
    expect(convert(className, config)).toMatchObject(expected);
  });

  it.each([
    ['GRU', { units: 4, recurrent_activation: 'hard_sigmoid' }, 'recurrent_activation'],
    ['LSTM', { units: 4, recurrent_activation: 'relu' }, 'recurrent_activation'],
    ['LSTM', { units: 4, return_state: true }, 'return_state'],
    ['Conv2D', { filters: 2, data_format: 'channels_first' }, 'data_format'],
    ['Conv2D', { filters: 2, groups: 2 }, 'groups'],
    [
      'Bidirectional',
      { layer: { class_name: 'GRU', config: { units: 3, reset_after: false } } },
      'reset_after',
    ],
    ['TimeDistributed', { layer: { class_name: 'Conv2D', config: {} } }, 'Conv2D'],
    ['UpSampling2D', { size: [2, 2], interpolation: 'bilinear' }, 'interpolation'],
    ['ReLU', { max_value: 6 }, 'max_value'],
  ])('refuses %s %j, naming %s', (className, config, named) => {
    const result = convert(className, config);
    expect(result).toHaveProperty('unsupported');
    expect((result as { unsupported: string }).unsupported).toContain(named);
  });

  it("wires Keras 2's attention value passed as a keyword argument as the second input", () => {
    const file = {
      class_name: 'Functional',
      config: {
        name: 'attend',
        layers: [
          {
            class_name: 'InputLayer',
            name: 'q',
            config: { name: 'q', batch_input_shape: [null, 5, 8] },
            inbound_nodes: [],
          },
          {
            class_name: 'InputLayer',
            name: 'v',
            config: { name: 'v', batch_input_shape: [null, 7, 8] },
            inbound_nodes: [],
          },
          {
            class_name: 'MultiHeadAttention',
            name: 'mha',
            config: { name: 'mha', num_heads: 2, key_dim: 4 },
            inbound_nodes: [[['q', 0, 0, { value: ['v', 0, 0] }]]],
          },
        ],
        input_layers: [
          ['q', 0, 0],
          ['v', 0, 0],
        ],
        output_layers: [['mha', 0, 0]],
      },
    };
    const imported = importKerasModel(file);
    if (!imported.ok) throw new Error(imported.message);
    expect(
      imported.graph.edges
        .filter((e) => e.target === 'mha')
        .map((e) => `${e.source}:${e.targetPort}`),
    ).toEqual(['q:0', 'v:1']);
  });

  it('refuses a layer applied twice, since Strata nodes do not share weights', () => {
    const dense = {
      class_name: 'Dense',
      name: 'shared',
      config: { name: 'shared', units: 2 },
      inbound_nodes: [[['a', 0, 0, {}]], [['b', 0, 0, {}]]],
    };
    const input = (name: string) => ({
      class_name: 'InputLayer',
      name,
      config: { name, batch_input_shape: [null, 2] },
      inbound_nodes: [],
    });
    const file = {
      class_name: 'Model',
      config: {
        name: 'siamese',
        layers: [input('a'), input('b'), dense],
        input_layers: [
          ['a', 0, 0],
          ['b', 0, 0],
        ],
        output_layers: [['shared', 0, 0]],
      },
    };
    const imported = importKerasModel(file);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.unsupported).toEqual([
      { className: 'Dense', layer: 'shared', reason: 'a layer applied 2 times (shared weights)' },
    ]);
  });
});
