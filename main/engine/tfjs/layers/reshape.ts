import * as tf from '@tensorflow/tfjs';
import { reshapeLayers } from '../../../../shared/layers/reshape.js';
import { chain, type BuilderTable } from '../builder.js';

type Edges = [[top: number, bottom: number], [left: number, right: number]];

/** Keras' [top, bottom, left, right] as tfjs' [[top, bottom], [left, right]]. */
const edges = ([top, bottom, left, right]: readonly number[]): Edges => [
  [top, bottom],
  [left, right],
];

/**
 * tfjs' Cropping2D computes `null - crop` for an unknown length, a negative size that misleads
 * the layers after it; keep unknown lengths unknown instead.
 */
function keepUnknown(layer: tf.layers.Layer): tf.layers.Layer {
  const computeOutputShape = layer.computeOutputShape.bind(layer);
  layer.computeOutputShape = (inputShape) => {
    const shape = inputShape as tf.Shape;
    return (computeOutputShape(shape) as tf.Shape).map((d, axis) =>
      shape[axis] === null ? null : d,
    );
  };
  return layer;
}

/** tfjs builders of the reshape family. */
export const reshapeBuilders: BuilderTable<keyof typeof reshapeLayers> = {
  // tfjs refuses to flatten what is already a vector (Keras passes it through), so pass it through.
  Flatten: (_, { name, inputs }) =>
    inputs[0].length === 1 ? (x) => x[0] : chain(tf.layers.flatten({ name })),
  Reshape: (params, { name, inputs }) => {
    // tfjs leaves a -1 unresolved in the symbolic shape even when the input size is known, and
    // layers after it then cannot size their weights; the catalogue resolves it.
    const inferred = reshapeLayers.Reshape.inferShape(inputs, params);
    const targetShape = inferred.ok ? inferred.shape.map((d) => d ?? -1) : params.targetShape;
    return chain(tf.layers.reshape({ targetShape, name }));
  },
  Permute: ({ dims }, { name }) => chain(tf.layers.permute({ dims, name })),
  RepeatVector: ({ n }, { name }) => chain(tf.layers.repeatVector({ n, name })),
  UpSampling2D: ({ size }, { name }) => chain(tf.layers.upSampling2d({ size, name })),
  ZeroPadding2D: ({ padding }, { name }) =>
    chain(tf.layers.zeroPadding2d({ padding: edges(padding), name })),
  Cropping2D: ({ cropping }, { name }) =>
    chain(keepUnknown(tf.layers.cropping2D({ cropping: edges(cropping), name }))),
};
