import type * as tf from '@tensorflow/tfjs';
import type { LayerKind } from '../../../shared/layers/catalogue.js';
import { activate } from './activation.js';
import type { OnnxTable } from './emitter.js';
import { int, ints, type OnnxGraph } from './graph.js';

/** `x · kernel (+ bias)` over the last axis: ONNX MatMul broadcasts the leading axes like Keras. */
export function dense(g: OnnxGraph, x: string, kernel: tf.Tensor, bias?: tf.Tensor): string {
  const product = g.op('MatMul', [x, g.weight('kernel', kernel)]);
  return bias ? g.op('Add', [product, g.weight('bias', bias)]) : product;
}

type CoreKind =
  | 'Input'
  | 'Output'
  | 'Dense'
  | 'Activation'
  | 'Dropout'
  | 'Add'
  | 'Subtract'
  | 'Multiply'
  | 'Average'
  | 'Concatenate'
  | 'Flatten'
  | 'Reshape'
  | 'Permute'
  | 'RepeatVector';

/** Chains a binary operator over two or more inputs. */
const fold = (g: OnnxGraph, op: string, inputs: readonly string[]) =>
  inputs.slice(1).reduce((acc, x) => g.op(op, [acc, x]), inputs[0]);

/** Emitters of the io, core, merge and plain reshape kinds. */
export const coreEmitters: OnnxTable<CoreKind & LayerKind> = {
  // Graph inputs are declared by the model writer; the node's tensor is the input itself.
  Input: ({ outputName }) => outputName,
  Output: ({ g, inputs, outputName }) => {
    g.opInto('Identity', inputs, outputName);
    return outputName;
  },
  Dense: ({ g, inputs: [x], params, weights }) => {
    const [kernel, bias] = weights();
    return activate(g, dense(g, x, kernel, params.useBias ? bias : undefined), params.activation);
  },
  Activation: ({ g, inputs: [x], params }) => activate(g, x, params.fn, params.alpha),
  // Inference only: dropout is the identity.
  Dropout: ({ inputs: [x] }) => x,
  Add: ({ g, inputs }) => fold(g, 'Add', inputs),
  Subtract: ({ g, inputs }) => fold(g, 'Sub', inputs),
  Multiply: ({ g, inputs }) => fold(g, 'Mul', inputs),
  Average: ({ g, inputs }) =>
    g.op('Div', [g.op('Sum', [...inputs]), g.scalar('count', inputs.length)]),
  // Keras counts the batch as axis 0 and so does ONNX; negative axes count from the end in both.
  Concatenate: ({ g, inputs, params }) => g.op('Concat', [...inputs], { axis: int(params.axis) }),
  // The tensor stays channels-last, so flattening it row-major matches tfjs' order.
  Flatten: ({ g, inputs: [x] }) => g.op('Flatten', [x], { axis: int(1) }),
  Reshape: ({ g, inputs: [x], shape }) =>
    // 0 copies the batch size; an unknown (variable) axis is left to ONNX as -1.
    g.op('Reshape', [x, g.int64s('shape', [0, ...shape.map((d) => d ?? -1)])]),
  Permute: ({ g, inputs: [x], params }) =>
    g.op('Transpose', [x], { perm: ints([0, ...params.dims]) }),
  RepeatVector: ({ g, inputs: [x], params }) => {
    const column = g.op('Unsqueeze', [x, g.int64s('axes', [1])]);
    return g.op('Tile', [column, g.int64s('repeats', [1, params.n, 1])]);
  },
};
