import * as tf from '@tensorflow/tfjs';
import type { TensorShape } from '../../../shared/layers/shape.js';
import { windowAttributes } from '../../export/onnx/layout.js';
import type { Constant, OpNode } from './decode.js';
import {
  fusedActivation,
  intAttr,
  intsAttr,
  stringAttr,
  type ImportedWeight,
  type Match,
  type MatchContext,
  type Matcher,
  type Refusal,
} from './match.js';

const sameList = (a: readonly number[] | undefined, b: readonly number[]) =>
  a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** Keras' padding name for an ONNX window, or undefined when it is neither 'valid' nor TF's 'same'. */
function paddingOf(
  n: OpNode,
  spatial: TensorShape,
  kernel: number[],
  strides: number[],
  dilations?: number[],
): 'valid' | 'same' | undefined {
  const auto = stringAttr(n, 'auto_pad') ?? 'NOTSET';
  if (auto === 'SAME_UPPER') return 'same';
  if (auto === 'VALID') return 'valid';
  const pads = intsAttr(n, 'pads') ?? kernel.flatMap(() => [0, 0]);
  if (pads.every((p) => p === 0)) return 'valid';
  if (spatial.some((d) => d === null)) return undefined;
  const same = windowAttributes(spatial, { kernel, strides, dilations, padding: 'same' }).pads;
  return sameList(pads, same?.ints as number[]) ? 'same' : undefined;
}

/** A tfjs weight from an ONNX constant rearranged by `perm` (and reshaped to `shape`). */
function rearranged(c: Constant, perm: number[], shape?: number[]): ImportedWeight {
  return tf.tidy(() => {
    const t = tf.transpose(tf.tensor(Float32Array.from(c.values), c.dims), perm);
    const out = shape ? tf.reshape(t, shape) : t;
    return { shape: [...out.shape], values: Float32Array.from(out.dataSync()) };
  });
}

const channelsFirst = (axes: number) => (axes === 2 ? [0, 3, 1, 2] : [0, 2, 1]);
const channelsLast = (axes: number) => (axes === 2 ? [0, 2, 3, 1] : [0, 2, 1]);

/** The layer an NCHW operator stands for, given its NHWC input shape. */
function windowLayer(
  core: OpNode,
  shape: TensorShape,
  ctx: MatchContext,
): Omit<Match, 'inputs' | 'output' | 'nodes'> | Refusal {
  const axes = shape.length - 1;
  const spatial = shape.slice(0, axes);
  const kernelShape = intsAttr(core, 'kernel_shape') ?? [];
  const strides = intsAttr(core, 'strides') ?? kernelShape.map(() => 1);
  const dilations = intsAttr(core, 'dilations') ?? kernelShape.map(() => 1);
  const padding = paddingOf(core, spatial, kernelShape, strides, dilations);
  const one = (v: number[]) => (axes === 1 ? v[0] : v);
  if (core.opType === 'MaxPool' || core.opType === 'AveragePool') {
    if (!padding)
      return { refused: `${core.opType} pads are neither 'valid' nor TensorFlow's 'same'` };
    if (
      core.opType === 'AveragePool' &&
      padding === 'same' &&
      intAttr(core, 'count_include_pad', 0) !== 0
    ) {
      return { refused: "AveragePool counts padded zeros, which Keras' 'same' pooling never does" };
    }
    const kind = `${core.opType === 'MaxPool' ? 'Max' : 'Avg'}Pool${axes}D` as 'MaxPool2D';
    return {
      kind,
      params: { poolSize: one(kernelShape), strides: one(strides), padding },
      weights: [],
    };
  }
  const w = ctx.constant(core.inputs[1]);
  const b = core.inputs[2] ? ctx.constant(core.inputs[2]) : undefined;
  if (!w || (core.inputs[2] && !b)) return { refused: `${core.opType} needs constant weights` };
  const bias = b ? [{ shape: [...b.dims], values: Float32Array.from(b.values) }] : [];
  const channels = shape[axes]!;
  const window = Array.from({ length: axes }, (_, i) => i + 2);
  if (core.opType === 'ConvTranspose') {
    const [, filters] = w.dims;
    const expected = (pad: 'valid' | 'same') => {
      const total = kernelShape.map((k, a) => (pad === 'same' ? Math.max(k - strides[a], 0) : 0));
      return [...total.map((t) => Math.floor(t / 2)), ...total.map((t) => t - Math.floor(t / 2))];
    };
    const pads = intsAttr(core, 'pads') ?? kernelShape.flatMap(() => [0, 0]);
    const pad = (['same', 'valid'] as const).find((p) => sameList(pads, expected(p)));
    if (axes !== 2 || !pad)
      return {
        refused: "ConvTranspose is imported in 2D with Keras' 'valid' or 'same' cropping only",
      };
    const params = {
      filters,
      kernelSize: kernelShape,
      strides,
      padding: pad,
      useBias: bias.length > 0,
    };
    return { kind: 'Conv2DTranspose', params, weights: [rearranged(w, [2, 3, 1, 0]), ...bias] };
  }
  if (core.opType !== 'Conv') return { refused: `${core.opType} between layout transposes` };
  if (!padding) return { refused: "Conv pads are neither 'valid' nor TensorFlow's 'same'" };
  const group = intAttr(core, 'group', 1);
  const [out] = w.dims;
  if (group === 1) {
    const kind = axes === 2 ? 'Conv2D' : 'Conv1D';
    const params = {
      filters: out,
      kernelSize: one(kernelShape),
      strides: one(strides),
      dilationRate: one(dilations),
      padding,
      useBias: bias.length > 0,
    };
    return { kind, params, weights: [rearranged(w, [...window, 1, 0]), ...bias] };
  }
  if (axes === 2 && group === channels && dilations.every((d) => d === 1)) {
    const multiplier = out / channels;
    const params = {
      kernelSize: kernelShape,
      strides,
      padding,
      depthMultiplier: multiplier,
      useBias: bias.length > 0,
    };
    const kernel = rearranged(
      w,
      [2, 3, 1, 0],
      [kernelShape[0], kernelShape[1], channels, multiplier],
    );
    return { kind: 'DepthwiseConv2D', params, weights: [kernel, ...bias] };
  }
  return { refused: `Conv with ${group} groups is neither a full nor a depthwise convolution` };
}

/**
 * `Transpose(NHWC→NCHW) → Conv | ConvTranspose | MaxPool | AveragePool → Transpose(back)`, the
 * way Strata writes channels-last layers, with the activation after it.
 */
export const matchChannelsFirstWindow: Matcher = (n, ctx) => {
  if (n.opType !== 'Transpose') return undefined;
  const shape = ctx.shapeOf(n.inputs[0]);
  const axes = shape ? shape.length - 1 : 0;
  if (!shape || (axes !== 1 && axes !== 2) || !sameList(intsAttr(n, 'perm'), channelsFirst(axes)))
    return undefined;
  const core = ctx.soleConsumer(n.outputs[0]);
  const back = core && ctx.soleConsumer(core.outputs[0]);
  if (
    !core ||
    !back ||
    back.opType !== 'Transpose' ||
    !sameList(intsAttr(back, 'perm'), channelsLast(axes))
  ) {
    return undefined;
  }
  const layer = windowLayer(core, shape, ctx);
  if ('refused' in layer) return layer;
  const pooling = core.opType === 'MaxPool' || core.opType === 'AveragePool';
  const act = pooling
    ? { activation: 'linear' as const, output: back.outputs[0], nodes: [] }
    : fusedActivation(back.outputs[0], ctx);
  return {
    ...layer,
    params: pooling ? layer.params : { ...layer.params, activation: act.activation },
    inputs: [n.inputs[0]],
    output: act.output,
    nodes: [n, core, back, ...act.nodes],
  };
};
