import type * as tf from '@tensorflow/tfjs';

/** tfjs hands a layer one shape or a list of shapes; this always gives the list. */
export function shapeList(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
  return Array.isArray(inputShape[0]) ? (inputShape as tf.Shape[]) : [inputShape as tf.Shape];
}

/** tfjs hands `call` one tensor or a list; this always gives the list. */
export function tensorList(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(inputs) ? inputs : [inputs];
}

/** The feature (last) size of a shape, which weights are sized for. */
export function features(shape: tf.Shape, layer: string): number {
  const size = shape[shape.length - 1];
  if (size === null)
    throw new Error(`${layer} needs a known feature size, got [${shape.join(', ')}]`);
  return size;
}

/** The constructor argument every tfjs layer takes (name, trainable, …). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** `training` from a layer call's keyword arguments. */
export function isTraining(kwargs: Record<string, unknown> | undefined): boolean {
  return kwargs?.training === true;
}
