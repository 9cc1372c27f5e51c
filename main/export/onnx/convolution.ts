import * as tf from '@tensorflow/tfjs';
import { activate } from './activation.js';
import type { OnnxTable } from './emitter.js';
import { int, ints, type OnnxGraph, type Attribute } from './graph.js';
import { toChannelsFirst, toChannelsLast, windowAttributes } from './layout.js';

/** A channels-first operator applied to a channels-last tensor. */
function channelsFirst(
  g: OnnxGraph,
  x: string,
  spatialAxes: number,
  apply: (nchw: string) => string,
): string {
  return toChannelsLast(g, apply(toChannelsFirst(g, x, spatialAxes)), spatialAxes);
}

/** tfjs kernels are `[…window, in, out]`; ONNX Conv wants `[out, in, …window]`. */
const convKernel = (kernel: tf.Tensor) => {
  const rank = kernel.rank;
  const window = Array.from({ length: rank - 2 }, (_, i) => i);
  return tf.transpose(kernel, [rank - 1, rank - 2, ...window]);
};

function conv(
  g: OnnxGraph,
  x: string,
  kernel: tf.Tensor,
  bias: tf.Tensor | undefined,
  attributes: Record<string, Attribute>,
): string {
  const inputs = [x, g.weight('kernel', convKernel(kernel))];
  if (bias) inputs.push(g.weight('bias', bias));
  return g.op('Conv', inputs, attributes);
}

type ConvKind = 'Conv1D' | 'Conv2D' | 'Conv2DTranspose' | 'SeparableConv2D' | 'DepthwiseConv2D';

/** Emitters of the convolutions: NHWC in and out, ONNX's NCHW Conv between two Transposes. */
export const convolutionEmitters: OnnxTable<ConvKind> = {
  Conv1D: ({ g, inputs: [x], inputShapes: [shape], params: p, weights }) => {
    const [kernel, bias] = weights();
    const window = windowAttributes(shape.slice(0, 1), {
      kernel: [p.kernelSize],
      strides: [p.strides],
      dilations: [p.dilationRate],
      padding: p.padding,
    });
    const y = channelsFirst(g, x, 1, (nchw) =>
      conv(g, nchw, kernel, p.useBias ? bias : undefined, window),
    );
    return activate(g, y, p.activation);
  },
  Conv2D: ({ g, inputs: [x], inputShapes: [shape], params: p, weights }) => {
    const [kernel, bias] = weights();
    const window = windowAttributes(shape.slice(0, 2), {
      kernel: p.kernelSize,
      strides: p.strides,
      dilations: p.dilationRate,
      padding: p.padding,
    });
    const y = channelsFirst(g, x, 2, (nchw) =>
      conv(g, nchw, kernel, p.useBias ? bias : undefined, window),
    );
    return activate(g, y, p.activation);
  },
  Conv2DTranspose: ({ g, inputs: [x], params: p, weights }) => {
    const [kernel, bias] = weights();
    // tfjs: `[kh, kw, out, in]`; ONNX ConvTranspose: `[in, out, kh, kw]`.
    const w = g.weight('kernel', tf.transpose(kernel, [3, 2, 0, 1]));
    // TensorFlow crops `max(k - s, 0)` from the full transposed output for 'same' (the extra
    // one at the end) and pads with zeros at the end when the kernel is shorter than the stride.
    const total = p.kernelSize.map((k, a) =>
      p.padding === 'same' ? Math.max(k - p.strides[a], 0) : 0,
    );
    const attributes = {
      kernel_shape: ints(p.kernelSize),
      strides: ints(p.strides),
      pads: ints([
        ...total.map((t) => Math.floor(t / 2)),
        ...total.map((t) => t - Math.floor(t / 2)),
      ]),
      output_padding: ints(p.kernelSize.map((k, a) => Math.max(p.strides[a] - k, 0))),
    };
    const y = channelsFirst(g, x, 2, (nchw) =>
      g.op('ConvTranspose', p.useBias ? [nchw, w, g.weight('bias', bias)] : [nchw, w], attributes),
    );
    return activate(g, y, p.activation);
  },
  SeparableConv2D: ({ g, inputs: [x], inputShapes: [shape], params: p, weights }) => {
    const [depthwise, pointwise, bias] = weights();
    const channels = depthwise.shape[2]!;
    const window = windowAttributes(shape.slice(0, 2), {
      kernel: p.kernelSize,
      strides: p.strides,
      dilations: p.dilationRate,
      padding: p.padding,
    });
    const y = channelsFirst(g, x, 2, (nchw) => {
      const spread = conv(g, nchw, toGrouped(depthwise), undefined, {
        ...window,
        group: int(channels),
      });
      return conv(g, spread, pointwise, p.useBias ? bias : undefined, {});
    });
    return activate(g, y, p.activation);
  },
  DepthwiseConv2D: ({ g, inputs: [x], inputShapes: [shape], params: p, weights }) => {
    const [depthwise, bias] = weights();
    const window = windowAttributes(shape.slice(0, 2), {
      kernel: p.kernelSize,
      strides: p.strides,
      padding: p.padding,
    });
    const channels = depthwise.shape[2]!;
    const y = channelsFirst(g, x, 2, (nchw) =>
      conv(g, nchw, toGrouped(depthwise), p.useBias ? bias : undefined, {
        ...window,
        group: int(channels),
      }),
    );
    return activate(g, y, p.activation);
  },
};

/**
 * A depthwise kernel `[kh, kw, in, multiplier]` as a grouped-convolution kernel in tfjs' layout
 * `[kh, kw, 1, in·multiplier]`: output channel `c·multiplier + m` filters input channel `c`.
 */
function toGrouped(depthwise: tf.Tensor): tf.Tensor {
  const [kh, kw, channels, multiplier] = depthwise.shape;
  return tf.reshape(depthwise, [kh, kw, 1, channels * multiplier]);
}
