import type * as tf from '@tensorflow/tfjs';
import type { LayerKind, ParamsOf } from '../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../shared/layers/shape.js';

/** What a builder knows besides the parameters. */
export interface BuildContext {
  /** A unique tfjs layer name derived from the node id. */
  name: string;
  /** Inferred shapes of the node's inputs (batch excluded). */
  inputs: readonly TensorShape[];
}

/** Applies a node to its input tensors (none for `Input`) and returns its output tensor. */
export type ApplyLayer = (inputs: tf.SymbolicTensor[]) => tf.SymbolicTensor;

export type LayerBuilder<K extends LayerKind> = (
  params: ParamsOf<K>,
  ctx: BuildContext,
) => ApplyLayer;

/** One builder per kind of a family; the full table must cover every {@link LayerKind}. */
export type BuilderTable<K extends LayerKind> = { [P in K]: LayerBuilder<P> };

/** Wraps a single tfjs layer whose `apply` takes one tensor or a list. */
export function single(layer: tf.layers.Layer): ApplyLayer {
  return (inputs) => layer.apply(inputs.length === 1 ? inputs[0] : inputs) as tf.SymbolicTensor;
}

/** Chains layers applied one after the other to a single input. */
export function chain(...layers: tf.layers.Layer[]): ApplyLayer {
  return (inputs) =>
    layers.reduce<tf.SymbolicTensor | tf.SymbolicTensor[]>(
      (x, layer) => layer.apply(x) as tf.SymbolicTensor,
      inputs.length === 1 ? inputs[0] : inputs,
    ) as tf.SymbolicTensor;
}
