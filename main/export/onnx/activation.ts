import type { ActivationName } from '../../../shared/layers/activations.js';
import { float, int, type OnnxGraph } from './graph.js';

/** Applies a Keras activation to `x` with ONNX operators; `linear` adds nothing. */
export function activate(g: OnnxGraph, x: string, fn: ActivationName, alpha = 0.3): string {
  switch (fn) {
    case 'linear':
      return x;
    case 'relu':
      return g.op('Relu', [x]);
    case 'sigmoid':
      return g.op('Sigmoid', [x]);
    case 'tanh':
      return g.op('Tanh', [x]);
    case 'softmax':
      // Keras' softmax runs over the last axis; from opset 13 ONNX's does too, whatever the rank.
      return g.op('Softmax', [x], { axis: int(-1) });
    case 'elu':
      return g.op('Elu', [x], { alpha: float(1) });
    case 'selu':
      // ONNX's default constants are Keras' (1.6732632, 1.0507010) rounded to float32.
      return g.op('Selu', [x]);
    case 'gelu':
      return gelu(g, x);
    case 'swish':
      return g.op('Mul', [x, g.op('Sigmoid', [x])]);
    case 'leaky_relu':
      return g.op('LeakyRelu', [x], { alpha: float(alpha) });
  }
}

/** Exact GELU, x · ½ · (1 + erf(x / √2)), as tfjs and Keras (approximate=False) compute it. */
export function gelu(g: OnnxGraph, x: string): string {
  const scaled = g.op('Div', [x, g.scalar('sqrt2', Math.SQRT2)]);
  const erf = g.op('Add', [g.op('Erf', [scaled]), g.scalar('one', 1)]);
  return g.op('Mul', [g.op('Mul', [x, g.scalar('half', 0.5)]), erf]);
}
