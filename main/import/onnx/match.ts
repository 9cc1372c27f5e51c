import type { ActivationName } from '../../../shared/layers/activations.js';
import type { LayerKind } from '../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../shared/layers/shape.js';
import type { AttributeValue, Constant, OpNode } from './decode.js';

/** A weight in the tfjs layer's layout and order. */
export interface ImportedWeight {
  shape: number[];
  values: Float32Array;
}

/** One Strata node recognised from one or more ONNX operators. */
export interface Match {
  kind: LayerKind;
  params: Record<string, unknown>;
  /** ONNX tensors feeding the node, in port order. */
  inputs: string[];
  /** The ONNX tensor the node produces. */
  output: string;
  /** Every ONNX operator the node stands for. */
  nodes: OpNode[];
  weights: ImportedWeight[];
}

/** Why operators that look like a layer cannot become one. */
export interface Refusal {
  refused: string;
}

/** What matchers may ask about the ONNX graph and the Strata nodes built so far. */
export interface MatchContext {
  constant(tensor: string): Constant | undefined;
  /** The only operator reading `tensor`, when it is read once and is not a graph output. */
  soleConsumer(tensor: string): OpNode | undefined;
  /** The Strata shape (batch excluded) of a tensor already imported. */
  shapeOf(tensor: string): TensorShape | undefined;
}

/** Recognises a layer starting at `node`, or returns undefined to let the next matcher try. */
export type Matcher = (node: OpNode, ctx: MatchContext) => Match | Refusal | undefined;

export const intAttr = (n: OpNode, name: string, fallback: number): number => {
  const v = n.attributes.get(name);
  return typeof v === 'number' ? v : fallback;
};

export const intsAttr = (n: OpNode, name: string): number[] | undefined => {
  const v: AttributeValue | undefined = n.attributes.get(name);
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined;
};

export const stringAttr = (n: OpNode, name: string): string | undefined => {
  const v = n.attributes.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** A float constant as an imported weight. */
export function floatWeight(c: Constant, shape = c.dims): ImportedWeight {
  return { shape: [...shape], values: Float32Array.from(c.values) };
}

/** Keras' default leaky ReLU slope, the one Dense and Conv layers apply. */
const LAYER_LEAKY_ALPHA = 0.3;

/**
 * The Keras activation an ONNX operator computes, if any; `layer` demands what a layer's own
 * `activation` parameter can express (leaky ReLU with the default slope only).
 */
export function activationOf(
  n: OpNode,
  ctx: MatchContext,
  layer: boolean,
): { fn: Exclude<ActivationName, 'linear'>; alpha: number } | undefined {
  const alpha = n.attributes.get('alpha');
  switch (n.opType) {
    case 'Relu':
      return { fn: 'relu', alpha: 0 };
    case 'Sigmoid':
      return { fn: 'sigmoid', alpha: 0 };
    case 'Tanh':
      return { fn: 'tanh', alpha: 0 };
    case 'Selu':
      return { fn: 'selu', alpha: 0 };
    case 'Elu':
      return alpha === undefined || alpha === 1 ? { fn: 'elu', alpha: 0 } : undefined;
    case 'Softmax': {
      const rank = ctx.shapeOf(n.inputs[0])?.length;
      const axis = intAttr(n, 'axis', -1);
      return axis === -1 || axis === rank ? { fn: 'softmax', alpha: 0 } : undefined;
    }
    case 'LeakyRelu': {
      const slope = typeof alpha === 'number' ? alpha : 0.01;
      if (layer && Math.abs(slope - LAYER_LEAKY_ALPHA) > 1e-6) return undefined;
      return { fn: 'leaky_relu', alpha: Number(slope.toFixed(6)) };
    }
    default:
      return undefined;
  }
}

/** An activation operator right after `tensor`, folded into the layer that produced it. */
export function fusedActivation(
  tensor: string,
  ctx: MatchContext,
): { activation: ActivationName; output: string; nodes: OpNode[] } {
  const next = ctx.soleConsumer(tensor);
  const act = next && activationOf(next, ctx, true);
  if (!next || !act) return { activation: 'linear', output: tensor, nodes: [] };
  return { activation: act.fn, output: next.outputs[0], nodes: [next] };
}
