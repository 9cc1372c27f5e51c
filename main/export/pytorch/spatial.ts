import * as tf from '@tensorflow/tfjs';
import type { convolutionLayers } from '../../../shared/layers/convolution.js';
import type { normalizationLayers } from '../../../shared/layers/normalization.js';
import type { poolingLayers } from '../../../shared/layers/pooling.js';
import type { reshapeLayers } from '../../../shared/layers/reshape.js';
import { activate, features, type TorchTable } from './layer.js';
import { kwargs, py } from './python.js';

/** tfjs' HWIO (and Conv2DTranspose's HW-out-in) kernels as torch's OIHW (and in-out-HW). */
const OIHW = [3, 2, 0, 1];
const withBias = (bias: tf.Tensor | undefined): [string, tf.Tensor][] =>
  bias ? [['bias', bias.clone()]] : [];

/** Keras' momentum keeps that much of the running statistic; torch's takes that much of the batch. */
const torchMomentum = (keras: number) => Number((1 - keras).toPrecision(12));

const pool2d = (mode: 'max' | 'avg') =>
  ((p) => ({
    module: `Pool(${kwargs({ mode, kernel: p.poolSize, stride: p.strides ?? p.poolSize, tf_padding: p.padding })})`,
    helpers: ['pool'],
    forward: ([x], self) => `${self}(${x})`,
  })) satisfies TorchTable<'MaxPool2D'>['MaxPool2D'];

const pool1d = (mode: 'max' | 'avg') =>
  ((p) => ({
    module: `Pool(${kwargs({ mode, kernel: [p.poolSize], stride: [p.strides ?? p.poolSize], tf_padding: p.padding })})`,
    helpers: ['pool'],
    forward: ([x], self) => `${self}(${x})`,
  })) satisfies TorchTable<'MaxPool1D'>['MaxPool1D'];

type SpatialKind =
  | keyof typeof convolutionLayers
  | keyof typeof poolingLayers
  | keyof typeof normalizationLayers
  | keyof typeof reshapeLayers;

/** Convolutions, pooling, normalisation and reshaping, all on channels-last tensors. */
export const spatialEmitters: TorchTable<SpatialKind> = {
  Conv1D: (p, { inputs: [x] }) => ({
    module: `Conv1d(${features(x)}, ${p.filters}, ${p.kernelSize}, ${p.strides}, ${kwargs({ dilation: p.dilationRate, bias: p.useBias, tf_padding: p.padding })})`,
    helpers: ['conv'],
    forward: ([x], self) => activate(p.activation, `${self}(${x})`),
    state: ([kernel, bias]) => [['weight', tf.transpose(kernel, [2, 1, 0])], ...withBias(bias)],
  }),
  Conv2D: (p, { inputs: [x] }) => ({
    module: `Conv2d(${features(x)}, ${p.filters}, ${py(p.kernelSize)}, ${py(p.strides)}, ${kwargs({ dilation: p.dilationRate, bias: p.useBias, tf_padding: p.padding })})`,
    helpers: ['conv'],
    forward: ([x], self) => activate(p.activation, `${self}(${x})`),
    state: ([kernel, bias]) => [['weight', tf.transpose(kernel, OIHW)], ...withBias(bias)],
  }),
  Conv2DTranspose: (p, { inputs: [x] }) => ({
    module: `ConvTranspose2d(${features(x)}, ${p.filters}, ${py(p.kernelSize)}, ${py(p.strides)}, ${kwargs({ bias: p.useBias, tf_padding: p.padding })})`,
    helpers: ['convTranspose'],
    forward: ([x], self) => activate(p.activation, `${self}(${x})`),
    state: ([kernel, bias]) => [['weight', tf.transpose(kernel, OIHW)], ...withBias(bias)],
  }),
  DepthwiseConv2D: (p, { inputs: [x] }) => {
    const c = features(x);
    return {
      module: `Conv2d(${c}, ${c * p.depthMultiplier}, ${py(p.kernelSize)}, ${py(p.strides)}, ${kwargs({ groups: c, bias: p.useBias, tf_padding: p.padding })})`,
      helpers: ['conv'],
      forward: ([x], self) => activate(p.activation, `${self}(${x})`),
      // [kh, kw, c, m] → output channel c·m + k, one input channel each: [c·m, 1, kh, kw].
      state: ([kernel, bias]) => [['weight', depthwise(kernel)], ...withBias(bias)],
    };
  },
  SeparableConv2D: (p, { inputs: [x] }) => ({
    module: `SeparableConv2d(${kwargs({ channels: features(x), filters: p.filters, kernel: p.kernelSize, stride: p.strides, dilation: p.dilationRate, depth_multiplier: p.depthMultiplier, bias: p.useBias, tf_padding: p.padding })})`,
    helpers: ['separable'],
    forward: ([x], self) => activate(p.activation, `${self}(${x})`),
    state: ([dw, pw, bias]) => [
      ['depthwise.weight', depthwise(dw)],
      ['pointwise.weight', tf.transpose(pw, OIHW)],
      ...withBias(bias).map(([k, v]): [string, tf.Tensor] => [`pointwise.${k}`, v]),
    ],
  }),
  MaxPool1D: pool1d('max'),
  MaxPool2D: pool2d('max'),
  AvgPool1D: pool1d('avg'),
  AvgPool2D: pool2d('avg'),
  GlobalAvgPool1D: () => ({ forward: ([x]) => `${x}.mean(dim=1)` }),
  GlobalAvgPool2D: () => ({ forward: ([x]) => `${x}.mean(dim=(1, 2))` }),
  GlobalMaxPool1D: () => ({ forward: ([x]) => `${x}.amax(dim=1)` }),
  GlobalMaxPool2D: () => ({ forward: ([x]) => `${x}.amax(dim=(1, 2))` }),
  BatchNormalization: (p, { inputs: [x] }) => ({
    module: `BatchNorm(${features(x)}, ${kwargs({ eps: p.epsilon, momentum: torchMomentum(p.momentum) })})`,
    helpers: ['batchNorm'],
    forward: ([x], self) => `${self}(${x})`,
    state: ([gamma, beta, mean, variance]) => [
      ['weight', gamma.clone()],
      ['bias', beta.clone()],
      ['running_mean', mean.clone()],
      ['running_var', variance.clone()],
    ],
  }),
  LayerNormalization: (p, { inputs: [x] }) => ({
    module: `nn.LayerNorm(${features(x)}, ${kwargs({ eps: p.epsilon })})`,
    forward: ([x], self) => `${self}(${x})`,
    state: ([gamma, beta]) => [
      ['weight', gamma.clone()],
      ['bias', beta.clone()],
    ],
  }),
  // The tensors stay channels-last, so flattening matches Keras' order and the Dense after it.
  Flatten: () => ({ forward: ([x]) => `${x}.flatten(1)` }),
  Reshape: (_, { output }) => ({
    forward: ([x]) =>
      `${x}.reshape(${[`${x}.shape[0]`, ...output.map((d) => d ?? -1)].join(', ')})`,
  }),
  Permute: ({ dims }) => ({ forward: ([x]) => `${x}.permute(0, ${dims.join(', ')})` }),
  RepeatVector: ({ n }) => ({ forward: ([x]) => `${x}.unsqueeze(1).repeat(1, ${n}, 1)` }),
  UpSampling2D: ({ size: [h, w] }) => ({
    forward: ([x]) => `${x}.repeat_interleave(${h}, dim=1).repeat_interleave(${w}, dim=2)`,
  }),
  ZeroPadding2D: ({ padding: [top, bottom, left, right] }) => ({
    forward: ([x]) => `F.pad(${x}, (0, 0, ${left}, ${right}, ${top}, ${bottom}))`,
  }),
  Cropping2D: ({ cropping: [top, bottom, left, right] }) => ({
    forward: ([x]) => `${x}[:, ${top}:${x}.shape[1] - ${bottom}, ${left}:${x}.shape[2] - ${right}]`,
  }),
};

function depthwise(kernel: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [kh, kw, c, m] = kernel.shape;
    return tf.expandDims(tf.transpose(tf.reshape(kernel, [kh, kw, c * m]), [2, 0, 1]), 1);
  });
}
