import type * as tf from '@tensorflow/tfjs';
import type { LayerKind, ParamsOf } from '../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../shared/layers/shape.js';
import type { OnnxGraph } from './graph.js';

/** Element types Strata's tensors take in ONNX. */
export type ElementType = 'float' | 'int';

/** What an emitter knows about the node it writes. */
export interface EmitContext<K extends LayerKind> {
  g: OnnxGraph;
  nodeId: string;
  params: ParamsOf<K>;
  /** ONNX tensor names of the node's inputs, in port order. */
  inputs: readonly string[];
  inputTypes: readonly ElementType[];
  /** Input and output shapes without the batch axis, as the catalogue inferred them. */
  inputShapes: readonly TensorShape[];
  shape: TensorShape;
  /** The tfjs layer's weights in its own order (empty for layers without weights). */
  weights: () => tf.Tensor[];
  /** Name for a graph output (Output nodes only). */
  outputName: string;
}

/** Writes one Strata node as ONNX nodes and returns the name of the tensor it produces. */
export type OnnxEmitter<K extends LayerKind> = (ctx: EmitContext<K>) => string;

/** A kind ONNX cannot express, and why. */
export interface Unsupported {
  unsupported: string;
}

/** The ONNX emitter of every catalogue kind: a kind missing here is a compile error. */
export type OnnxTable<K extends LayerKind> = { [P in K]: OnnxEmitter<P> | Unsupported };

/** Thrown by an emitter when one node's settings cannot be written (the kind in general can). */
export class UnsupportedNode extends Error {}
