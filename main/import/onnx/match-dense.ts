import * as tf from '@tensorflow/tfjs';
import type { Constant } from './decode.js';
import {
  activationOf,
  floatWeight,
  fusedActivation,
  intAttr,
  type Match,
  type Matcher,
} from './match.js';

/** `x · W` (W constant) with an optional constant bias and activation after it: Dense. */
export const matchMatMul: Matcher = (n, ctx) => {
  if (n.opType !== 'MatMul') return undefined;
  const kernel = ctx.constant(n.inputs[1]);
  if (!kernel || kernel.dims.length !== 2 || ctx.constant(n.inputs[0])) return undefined;
  const units = kernel.dims[1];
  const add = ctx.soleConsumer(n.outputs[0]);
  const biasInput = add?.opType === 'Add' ? add.inputs.find((t) => t !== n.outputs[0]) : undefined;
  const bias = biasInput === undefined ? undefined : ctx.constant(biasInput);
  const withBias = add && bias && bias.dims.length === 1 && bias.dims[0] === units;
  const biased = withBias ? add.outputs[0] : n.outputs[0];
  const act = fusedActivation(biased, ctx);
  return {
    kind: 'Dense',
    params: { units, activation: act.activation, useBias: Boolean(withBias) },
    inputs: [n.inputs[0]],
    output: act.output,
    nodes: [n, ...(withBias ? [add] : []), ...act.nodes],
    weights: [floatWeight(kernel), ...(withBias ? [floatWeight(bias)] : [])],
  };
};

/** ONNX's Gemm (alpha = beta = 1, A not transposed) with a constant B: Dense. */
export const matchGemm: Matcher = (n, ctx) => {
  if (n.opType !== 'Gemm') return undefined;
  const b = ctx.constant(n.inputs[1]);
  const c = n.inputs[2] ? ctx.constant(n.inputs[2]) : undefined;
  const plain =
    intAttr(n, 'transA', 0) === 0 &&
    (n.attributes.get('alpha') ?? 1) === 1 &&
    (n.attributes.get('beta') ?? 1) === 1;
  if (!b || !plain || (n.inputs[2] && !c))
    return { refused: 'Gemm needs constant weights, alpha = beta = 1 and A not transposed' };
  const kernel = transposedIf(b, intAttr(n, 'transB', 0) === 1);
  const units = kernel.dims[1];
  if (c && c.values.length !== units)
    return { refused: 'Gemm bias must hold one value per output' };
  const act = fusedActivation(n.outputs[0], ctx);
  return {
    kind: 'Dense',
    params: { units, activation: act.activation, useBias: Boolean(c) },
    inputs: [n.inputs[0]],
    output: act.output,
    nodes: [n, ...act.nodes],
    weights: [floatWeight(kernel), ...(c ? [floatWeight(c, [units])] : [])],
  };
};

function transposedIf(c: Constant, transpose: boolean): Constant {
  if (!transpose) return c;
  const values = tf.tidy(() =>
    tf.transpose(tf.tensor2d(Float32Array.from(c.values), [c.dims[0], c.dims[1]])).dataSync(),
  );
  return { dims: [c.dims[1], c.dims[0]], values: Float32Array.from(values) };
}

/** A standalone activation operator: Activation. */
export const matchActivation: Matcher = (n, ctx) => {
  const act = activationOf(n, ctx, false);
  if (!act) return undefined;
  return {
    kind: 'Activation',
    params: { fn: act.fn, alpha: act.alpha || 0.3 },
    inputs: [n.inputs[0]],
    output: n.outputs[0],
    nodes: [n],
    weights: [],
  };
};

/** `x · scale + shift` with per-feature constants (a folded batch norm): BatchNormalization. */
export const matchScaleShift: Matcher = (n, ctx) => {
  if (n.opType !== 'Mul') return undefined;
  const scale = ctx.constant(n.inputs[1]);
  const add = ctx.soleConsumer(n.outputs[0]);
  const shiftInput = add?.opType === 'Add' ? add.inputs.find((t) => t !== n.outputs[0]) : undefined;
  const shift = shiftInput === undefined ? undefined : ctx.constant(shiftInput);
  const features = ctx.shapeOf(n.inputs[0])?.at(-1);
  const perFeature = (c?: Constant) => c?.dims.length === 1 && c.dims[0] === features;
  if (!add || !perFeature(scale) || !perFeature(shift)) return undefined;
  const epsilon = 0.001;
  const size = scale!.dims[0];
  // Mean 0 and variance 1 - ε make tfjs' (x - mean) / √(var + ε) · γ + β exactly x · scale + shift.
  return {
    kind: 'BatchNormalization',
    params: { epsilon },
    inputs: [n.inputs[0]],
    output: add.outputs[0],
    nodes: [n, add],
    weights: [
      floatWeight(scale!),
      floatWeight(shift!),
      { shape: [size], values: new Float32Array(size) },
      { shape: [size], values: new Float32Array(size).fill(1 - epsilon) },
    ],
  };
};

/** LayerNormalization over the last axis with constant scale and bias. */
export const matchLayerNorm: Matcher = (n, ctx) => {
  if (n.opType !== 'LayerNormalization') return undefined;
  const rank = ctx.shapeOf(n.inputs[0])?.length;
  const axis = intAttr(n, 'axis', -1);
  const [gamma, beta] = [
    ctx.constant(n.inputs[1]),
    n.inputs[2] ? ctx.constant(n.inputs[2]) : undefined,
  ];
  if ((axis !== -1 && axis !== rank) || !gamma || !beta) {
    return {
      refused:
        'LayerNormalization is imported over the last axis with constant scale and bias only',
    };
  }
  const epsilon = n.attributes.get('epsilon');
  return {
    kind: 'LayerNormalization',
    params: { epsilon: typeof epsilon === 'number' ? Number(epsilon.toPrecision(6)) : 1e-5 },
    inputs: [n.inputs[0]],
    output: n.outputs[0],
    nodes: [n],
    weights: [floatWeight(gamma), floatWeight(beta)],
  } satisfies Match;
};

/** Gather rows of a constant table: Embedding. */
export const matchGather: Matcher = (n, ctx) => {
  if (n.opType !== 'Gather') return undefined;
  const table = ctx.constant(n.inputs[0]);
  if (!table || table.dims.length !== 2 || intAttr(n, 'axis', 0) !== 0)
    return { refused: 'Gather is imported as an Embedding only: rows of a constant 2D table' };
  return {
    kind: 'Embedding',
    params: { inputDim: table.dims[0], outputDim: table.dims[1] },
    inputs: [n.inputs[1]],
    output: n.outputs[0],
    nodes: [n],
    weights: [floatWeight(table)],
  };
};
