import type { LayerKind } from '../../../shared/layers/catalogue.js';
import { activated, plain, type KerasTable } from './layer.js';

const edges = ([top, bottom, left, right]: readonly number[]) => [
  [top, bottom],
  [left, right],
];

const pool = (layer: string) => (p: { poolSize: unknown; strides: unknown; padding: string }) =>
  plain(`layers.${layer}`, { pool_size: p.poolSize, strides: p.strides, padding: p.padding });

/** The Keras emitter of every catalogue kind: a kind missing here is a compile error. */
export const kerasEmitters: KerasTable<LayerKind> = {
  // Inputs become keras.Input and Outputs the model's outputs; the writer handles both.
  Input: () => plain('keras.Input'),
  Output: () => plain(''),
  Dense: (p) => activated('layers.Dense', { units: p.units, use_bias: p.useBias }, p.activation),
  Activation: ({ fn, alpha }) =>
    fn === 'leaky_relu'
      ? plain('layers.LeakyReLU', { alpha })
      : plain('layers.Activation', { activation: fn }),
  Dropout: ({ rate }) => plain('layers.Dropout', { rate }),
  Conv1D: (p) =>
    activated(
      'layers.Conv1D',
      {
        filters: p.filters,
        kernel_size: p.kernelSize,
        strides: p.strides,
        padding: p.padding,
        dilation_rate: p.dilationRate,
        use_bias: p.useBias,
      },
      p.activation,
    ),
  Conv2D: (p) =>
    activated(
      'layers.Conv2D',
      {
        filters: p.filters,
        kernel_size: p.kernelSize,
        strides: p.strides,
        padding: p.padding,
        dilation_rate: p.dilationRate,
        use_bias: p.useBias,
      },
      p.activation,
    ),
  Conv2DTranspose: (p) =>
    activated(
      'layers.Conv2DTranspose',
      {
        filters: p.filters,
        kernel_size: p.kernelSize,
        strides: p.strides,
        padding: p.padding,
        use_bias: p.useBias,
      },
      p.activation,
    ),
  SeparableConv2D: (p) =>
    activated(
      'layers.SeparableConv2D',
      {
        filters: p.filters,
        kernel_size: p.kernelSize,
        strides: p.strides,
        padding: p.padding,
        dilation_rate: p.dilationRate,
        depth_multiplier: p.depthMultiplier,
        use_bias: p.useBias,
      },
      p.activation,
    ),
  DepthwiseConv2D: (p) =>
    activated(
      'layers.DepthwiseConv2D',
      {
        kernel_size: p.kernelSize,
        strides: p.strides,
        padding: p.padding,
        depth_multiplier: p.depthMultiplier,
        use_bias: p.useBias,
      },
      p.activation,
    ),
  MaxPool1D: pool('MaxPooling1D'),
  MaxPool2D: pool('MaxPooling2D'),
  AvgPool1D: pool('AveragePooling1D'),
  AvgPool2D: pool('AveragePooling2D'),
  GlobalAvgPool1D: () => plain('layers.GlobalAveragePooling1D'),
  GlobalAvgPool2D: () => plain('layers.GlobalAveragePooling2D'),
  GlobalMaxPool1D: () => plain('layers.GlobalMaxPooling1D'),
  GlobalMaxPool2D: () => plain('layers.GlobalMaxPooling2D'),
  BatchNormalization: ({ momentum, epsilon }) =>
    plain('layers.BatchNormalization', { axis: -1, momentum, epsilon }),
  LayerNormalization: ({ epsilon }) => plain('layers.LayerNormalization', { axis: -1, epsilon }),
  Flatten: () => plain('layers.Flatten'),
  // The catalogue resolves a -1 where the input size is known; Keras accepts either.
  Reshape: (_, { output }) => plain('layers.Reshape', { target_shape: output.map((d) => d ?? -1) }),
  Permute: ({ dims }) => plain('layers.Permute', { dims }),
  RepeatVector: ({ n }) => plain('layers.RepeatVector', { n }),
  UpSampling2D: ({ size }) => plain('layers.UpSampling2D', { size }),
  ZeroPadding2D: ({ padding }) => plain('layers.ZeroPadding2D', { padding: edges(padding) }),
  Cropping2D: ({ cropping }) => plain('layers.Cropping2D', { cropping: edges(cropping) }),
  Embedding: ({ inputDim, outputDim }) =>
    plain('layers.Embedding', { input_dim: inputDim, output_dim: outputDim }),
  PositionEmbedding: ({ maxLength }) => ({
    ...plain('PositionEmbedding', { max_length: maxLength }),
    helpers: ['positionEmbedding'],
  }),
  SinusoidalPositionalEncoding: ({ maxWavelength }) => ({
    ...plain('SinusoidalPositionalEncoding', { max_wavelength: maxWavelength }),
    helpers: ['sinusoidal'],
  }),
  SimpleRNN: (p) =>
    plain('layers.SimpleRNN', {
      units: p.units,
      activation: p.activation,
      return_sequences: p.returnSequences,
    }),
  LSTM: (p) => {
    const hard = p.recurrentActivation === 'hard_sigmoid';
    const layer = plain('layers.LSTM', {
      units: p.units,
      activation: p.activation,
      recurrent_activation: hard ? undefined : 'sigmoid',
      return_sequences: p.returnSequences,
    });
    // Keras 2's "hard_sigmoid" is tfjs' clip(0.2x + 0.5, 0, 1); Keras 3 changed it: spelt out.
    return hard
      ? {
          ...layer,
          args: `${layer.args}, recurrent_activation=tfjs_hard_sigmoid`,
          helpers: ['hardSigmoid'],
        }
      : layer;
  },
  GRU: (p) =>
    plain('layers.GRU', {
      units: p.units,
      activation: p.activation,
      recurrent_activation: 'sigmoid',
      return_sequences: p.returnSequences,
      reset_after: p.resetAfter,
    }),
  Bidirectional: (p) => ({
    layer: 'layers.Bidirectional',
    args: `layers.${p.layer}(units=${p.units}, return_sequences=${p.returnSequences ? 'True' : 'False'}), merge_mode="${p.mergeMode}"`,
  }),
  TimeDistributed: ({ units, activation }) => {
    const dense = activated('layers.Dense', { units }, activation);
    return {
      layer: 'layers.TimeDistributed',
      args: `layers.Dense(${dense.args})`,
      ...(dense.leakyAlpha === undefined ? {} : { leakyAlpha: dense.leakyAlpha }),
    };
  },
  // Keras' own MultiHeadAttention has Strata's weights, shapes and order.
  MultiHeadAttention: (p) => ({
    ...plain('layers.MultiHeadAttention', {
      num_heads: p.numHeads,
      key_dim: p.keyDim,
      value_dim: p.valueDim || p.keyDim,
      dropout: p.dropout,
    }),
    call: ([query, source = query]) =>
      `${query}, ${source}${p.causal ? ', use_causal_mask=True' : ''}`,
  }),
  TransformerEncoderBlock: (p) => ({
    ...plain('TransformerEncoderBlock', {
      num_heads: p.numHeads,
      key_dim: p.keyDim,
      ff_dim: p.ffDim,
      ff_activation: p.ffActivation,
      dropout: p.dropout,
      causal: p.causal,
    }),
    helpers: ['encoderBlock'],
  }),
  TransformerDecoderBlock: (p) => ({
    ...plain('TransformerDecoderBlock', {
      num_heads: p.numHeads,
      key_dim: p.keyDim,
      ff_dim: p.ffDim,
      ff_activation: p.ffActivation,
      dropout: p.dropout,
    }),
    helpers: ['decoderBlock'],
  }),
  Add: () => plain('layers.Add'),
  Subtract: () => plain('layers.Subtract'),
  Multiply: () => plain('layers.Multiply'),
  Average: () => plain('layers.Average'),
  Concatenate: ({ axis }) => plain('layers.Concatenate', { axis }),
};
