import { z } from 'zod';
import { activationParam } from './activations.js';
import { defineLayer, fail, ok, type ShapeResult } from './definition.js';
import {
  expectKnownFeatures,
  expectRank,
  knownProduct,
  last,
  axisPair,
  paddingParam,
  slideWindow,
  type SlidingWindow,
} from './rules.js';
import type { TensorShape } from './shape.js';

const filtersParam = () =>
  z
    .number()
    .int()
    .min(1)
    .max(4096)
    .default(32)
    .describe('Number of output channels (feature maps)');
const useBiasParam = () =>
  z.boolean().default(true).describe('Add a learned bias to each output channel');
const depthMultiplierParam = () =>
  z.number().int().min(1).max(64).default(1).describe('Output channels per input channel');
const kernelDocs = 'Window size';
const stridesDocs = 'Step between windows; above 1 downsamples';
const dilationDocs = 'Spacing between window taps; above 1 widens the view without more weights';

/**
 * Shape rule shared by the convolutions: spatial axes then channels, a window over the spatial
 * axes, and `channels` mapping input channels to output channels.
 */
function convolve(
  layer: string,
  x: TensorShape,
  window: SlidingWindow,
  channels: (inChannels: number) => number,
): ShapeResult {
  const issue = expectRank(layer, x, window.size.length + 1) ?? expectKnownFeatures(layer, x);
  if (issue) return fail(issue);
  const dilation = window.dilation ?? [];
  // TensorFlow (Keras and tfjs alike) refuses to stride and dilate in one convolution.
  if (window.strides.some((s) => s > 1) && dilation.some((d) => d > 1)) {
    return fail({
      code: 'bad-param',
      message: `${layer} cannot combine strides ${window.strides.join('×')} with dilationRate ${dilation.join('×')}: one of them must be 1.`,
      hint: 'Set strides to 1 (downsample with a pooling layer) or dilationRate to 1.',
      param: 'dilationRate',
    });
  }
  const slid = slideWindow(layer, x, window);
  return slid.ok ? ok([...slid.dims, channels(last(x))]) : fail(slid.issue);
}

const volume = (kernel: number | readonly number[]) =>
  typeof kernel === 'number' ? kernel : kernel.reduce((n, k) => n * k, 1);

const conv1d = defineLayer({
  kind: 'Conv1D',
  family: 'convolution',
  label: 'Conv1D',
  docs: 'Slides learned filters along a sequence (steps×channels), e.g. over audio or text.',
  params: z.object({
    filters: filtersParam(),
    kernelSize: z.number().int().min(1).max(1024).default(3).describe(kernelDocs),
    strides: z.number().int().min(1).max(64).default(1).describe(stridesDocs),
    padding: paddingParam(),
    dilationRate: z.number().int().min(1).max(64).default(1).describe(dilationDocs),
    activation: activationParam('relu'),
    useBias: useBiasParam(),
  }),
  arity: { min: 1, max: 1 },
  inferShape: ([x], p) =>
    convolve(
      'Conv1D',
      x,
      {
        size: [p.kernelSize],
        strides: [p.strides],
        dilation: [p.dilationRate],
        padding: p.padding,
      },
      () => p.filters,
    ),
  countParams: ({ inputs: [x], params: p }) => ({
    trainable: p.kernelSize * last(x) * p.filters + (p.useBias ? p.filters : 0),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x], output, params: p }) => knownProduct(output) * p.kernelSize * last(x),
});

const conv2dParams = z.object({
  filters: filtersParam(),
  kernelSize: axisPair(1, 256).default([3, 3]).describe(`${kernelDocs} [height, width]`),
  strides: axisPair(1, 64).default([1, 1]).describe(`${stridesDocs} [height, width]`),
  padding: paddingParam(),
  dilationRate: axisPair(1, 64).default([1, 1]).describe(`${dilationDocs} [height, width]`),
  activation: activationParam('relu'),
  useBias: useBiasParam(),
});

const conv2d = defineLayer({
  kind: 'Conv2D',
  family: 'convolution',
  label: 'Conv2D',
  docs: 'Slides learned filters over an image (height×width×channels) to detect local patterns.',
  params: conv2dParams,
  arity: { min: 1, max: 1 },
  inferShape: ([x], p) =>
    convolve(
      'Conv2D',
      x,
      { size: p.kernelSize, strides: p.strides, dilation: p.dilationRate, padding: p.padding },
      () => p.filters,
    ),
  countParams: ({ inputs: [x], params: p }) => ({
    trainable: volume(p.kernelSize) * last(x) * p.filters + (p.useBias ? p.filters : 0),
    nonTrainable: 0,
  }),
  countMacs: ({ inputs: [x], output, params: p }) =>
    knownProduct(output) * volume(p.kernelSize) * last(x),
});

/** Keras' transposed-convolution length: each input step becomes `stride` output steps. */
function transposedLength(
  size: number | null,
  kernel: number,
  stride: number,
  padding: 'valid' | 'same',
) {
  if (size === null) return null;
  return padding === 'same' ? size * stride : size * stride + Math.max(kernel - stride, 0);
}

const conv2dTranspose = defineLayer({
  kind: 'Conv2DTranspose',
  family: 'convolution',
  label: 'Conv2DTranspose',
  docs: 'Learned upsampling: the reverse of a strided Conv2D, used in decoders and generators.',
  // tfjs' Conv2DTranspose has no dilation, so neither does the catalogue's.
  params: conv2dParams.omit({ dilationRate: true }).extend({
    strides: axisPair(1, 64).default([2, 2]).describe('Upsampling factor [height, width]'),
  }),
  arity: { min: 1, max: 1 },
  inferShape([x], p) {
    const issue = expectRank('Conv2DTranspose', x, 3) ?? expectKnownFeatures('Conv2DTranspose', x);
    if (issue) return fail(issue);
    const grow = (axis: 0 | 1) =>
      transposedLength(x[axis], p.kernelSize[axis], p.strides[axis], p.padding);
    return ok([grow(0), grow(1), p.filters]);
  },
  countParams: ({ inputs: [x], params: p }) => ({
    trainable: volume(p.kernelSize) * last(x) * p.filters + (p.useBias ? p.filters : 0),
    nonTrainable: 0,
  }),
  // Every input position scatters its kernel window into the output.
  countMacs: ({ inputs: [x], params: p }) => knownProduct(x) * volume(p.kernelSize) * p.filters,
});

const separableConv2d = defineLayer({
  kind: 'SeparableConv2D',
  family: 'convolution',
  label: 'SeparableConv2D',
  docs: 'A per-channel (depthwise) convolution then a 1×1 convolution: Conv2D with far fewer weights.',
  params: conv2dParams.extend({ depthMultiplier: depthMultiplierParam() }),
  arity: { min: 1, max: 1 },
  inferShape: ([x], p) =>
    convolve(
      'SeparableConv2D',
      x,
      { size: p.kernelSize, strides: p.strides, dilation: p.dilationRate, padding: p.padding },
      () => p.filters,
    ),
  countParams: ({ inputs: [x], params: p }) => {
    const depthwise = last(x) * p.depthMultiplier;
    return {
      trainable:
        volume(p.kernelSize) * depthwise + depthwise * p.filters + (p.useBias ? p.filters : 0),
      nonTrainable: 0,
    };
  },
  countMacs: ({ inputs: [x], output, params: p }) => {
    const positions = knownProduct(output.slice(0, -1));
    const depthwise = last(x) * p.depthMultiplier;
    return positions * depthwise * (volume(p.kernelSize) + p.filters);
  },
});

const depthwiseConv2d = defineLayer({
  kind: 'DepthwiseConv2D',
  family: 'convolution',
  label: 'DepthwiseConv2D',
  docs: 'Filters each input channel on its own (no mixing across channels), as in MobileNet.',
  // tfjs' DepthwiseConv2D ignores dilation, so the catalogue does not offer it.
  params: conv2dParams
    .omit({ filters: true, dilationRate: true })
    .extend({ depthMultiplier: depthMultiplierParam() }),
  arity: { min: 1, max: 1 },
  inferShape: ([x], p) =>
    convolve(
      'DepthwiseConv2D',
      x,
      { size: p.kernelSize, strides: p.strides, padding: p.padding },
      (c) => c * p.depthMultiplier,
    ),
  countParams: ({ inputs: [x], params: p }) => {
    const outChannels = last(x) * p.depthMultiplier;
    return {
      trainable: volume(p.kernelSize) * outChannels + (p.useBias ? outChannels : 0),
      nonTrainable: 0,
    };
  },
  countMacs: ({ output, params: p }) => knownProduct(output) * volume(p.kernelSize),
});

/** Convolutions over sequences (1D) and images (2D), channels last. */
export const convolutionLayers = {
  Conv1D: conv1d,
  Conv2D: conv2d,
  Conv2DTranspose: conv2dTranspose,
  SeparableConv2D: separableConv2d,
  DepthwiseConv2D: depthwiseConv2d,
};
