import { describe, expect, it } from 'vitest';
import { chainOf } from '../../../shared/graph/sketch.js';
import { onnxParity } from './parity.js';

const TOLERANCE = 1e-4;
const out = ['Output', { loss: 'mean_squared_error', metrics: [] }] as const;

/** A chain from an Input of `shape` through `layers` to an Output. */
const net = (shape: number[], ...layers: [string, Record<string, unknown>?][]) =>
  chainOf(['Input', { shape }], ...layers, [...out]);

describe('convolutions and pooling exported to ONNX', () => {
  it.each([
    [
      'Conv2D same, stride 2, odd sizes (asymmetric pads)',
      net(
        [9, 7, 3],
        [
          'Conv2D',
          {
            filters: 4,
            kernelSize: [4, 3],
            strides: [2, 2],
            padding: 'same',
            activation: 'linear',
          },
        ],
      ),
    ],
    [
      'Conv2D same, even kernel, stride 1',
      net(
        [6, 5, 2],
        ['Conv2D', { filters: 3, kernelSize: [2, 4], padding: 'same', activation: 'tanh' }],
      ),
    ],
    [
      'Conv2D valid with dilation',
      net(
        [9, 9, 2],
        [
          'Conv2D',
          {
            filters: 3,
            kernelSize: [3, 3],
            dilationRate: [2, 2],
            padding: 'valid',
            activation: 'elu',
          },
        ],
      ),
    ],
    [
      'Conv2D same with dilation',
      net(
        [8, 7, 2],
        [
          'Conv2D',
          {
            filters: 3,
            kernelSize: [3, 2],
            dilationRate: [2, 3],
            padding: 'same',
            activation: 'selu',
          },
        ],
      ),
    ],
    [
      'Conv2D without bias, leaky relu',
      net([5, 5, 2], ['Conv2D', { filters: 2, useBias: false, activation: 'leaky_relu' }]),
    ],
    [
      'Conv1D same, stride 2',
      net(
        [11, 3],
        ['Conv1D', { filters: 4, kernelSize: 4, strides: 2, padding: 'same', activation: 'gelu' }],
      ),
    ],
    [
      'Conv1D valid, dilation 2',
      net([11, 3], ['Conv1D', { filters: 2, kernelSize: 3, dilationRate: 2, activation: 'swish' }]),
    ],
    [
      'Conv2DTranspose same, kernel > stride',
      net(
        [5, 4, 3],
        [
          'Conv2DTranspose',
          {
            filters: 2,
            kernelSize: [5, 4],
            strides: [2, 2],
            padding: 'same',
            activation: 'linear',
          },
        ],
      ),
    ],
    [
      'Conv2DTranspose valid, kernel < stride',
      net(
        [3, 4, 2],
        [
          'Conv2DTranspose',
          {
            filters: 2,
            kernelSize: [2, 1],
            strides: [3, 2],
            padding: 'valid',
            activation: 'linear',
          },
        ],
      ),
    ],
    [
      'Conv2DTranspose same, kernel < stride',
      net(
        [3, 3, 2],
        [
          'Conv2DTranspose',
          {
            filters: 2,
            kernelSize: [2, 2],
            strides: [3, 3],
            padding: 'same',
            activation: 'sigmoid',
          },
        ],
      ),
    ],
    [
      'SeparableConv2D same, stride 2, multiplier 2',
      net(
        [7, 6, 3],
        [
          'SeparableConv2D',
          {
            filters: 4,
            kernelSize: [3, 3],
            strides: [2, 2],
            padding: 'same',
            depthMultiplier: 2,
            activation: 'linear',
          },
        ],
      ),
    ],
    [
      'DepthwiseConv2D valid, multiplier 3',
      net(
        [6, 6, 2],
        ['DepthwiseConv2D', { kernelSize: [3, 2], depthMultiplier: 3, activation: 'relu' }],
      ),
    ],
    [
      'MaxPool2D same, odd size',
      net([7, 5, 2], ['MaxPool2D', { poolSize: [3, 2], strides: [2, 2], padding: 'same' }]),
    ],
    [
      'AvgPool2D same excludes the padding',
      net([7, 5, 2], ['AvgPool2D', { poolSize: [3, 3], strides: [2, 2], padding: 'same' }]),
    ],
    [
      'AvgPool1D and MaxPool1D',
      net(
        [9, 3],
        ['AvgPool1D', { poolSize: 2, padding: 'same' }],
        ['MaxPool1D', { poolSize: 3, strides: 1 }],
      ),
    ],
    ['global pools', net([5, 4, 3], ['Conv2D', { filters: 2 }], ['GlobalMaxPool2D'])],
    ['global average pool over steps', net([6, 3], ['GlobalAvgPool1D'])],
    [
      'UpSampling2D, ZeroPadding2D, Cropping2D',
      net(
        [3, 4, 2],
        ['UpSampling2D', { size: [2, 3] }],
        ['ZeroPadding2D', { padding: [1, 0, 2, 1] }],
        ['Cropping2D', { cropping: [0, 2, 1, 0] }],
      ),
    ],
    [
      'BatchNormalization on an image, then Flatten in NHWC order',
      net(
        [4, 3, 2],
        ['BatchNormalization', { epsilon: 0.01 }],
        ['Flatten'],
        ['Dense', { units: 3, activation: 'softmax' }],
      ),
    ],
  ])('%s', async (_, graph) => {
    const { maxMixed } = await onnxParity(graph);
    expect(maxMixed).toBeLessThan(TOLERANCE);
  });
});
