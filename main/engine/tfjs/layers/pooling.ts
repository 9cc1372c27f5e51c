import * as tf from '@tensorflow/tfjs';
import type { poolingLayers } from '../../../../shared/layers/pooling.js';
import { chain, type BuilderTable } from '../builder.js';

/** tfjs builders of the pooling family. */
export const poolingBuilders: BuilderTable<keyof typeof poolingLayers> = {
  // tfjs, like Keras, strides by the window size when strides are left out.
  MaxPool1D: ({ strides, ...p }, { name }) =>
    chain(tf.layers.maxPooling1d({ ...p, strides: strides ?? undefined, name })),
  MaxPool2D: ({ strides, ...p }, { name }) =>
    chain(tf.layers.maxPooling2d({ ...p, strides: strides ?? undefined, name })),
  AvgPool1D: ({ strides, ...p }, { name }) =>
    chain(tf.layers.averagePooling1d({ ...p, strides: strides ?? undefined, name })),
  AvgPool2D: ({ strides, ...p }, { name }) =>
    chain(tf.layers.averagePooling2d({ ...p, strides: strides ?? undefined, name })),
  GlobalAvgPool1D: (_, { name }) => chain(tf.layers.globalAveragePooling1d({ name })),
  GlobalAvgPool2D: (_, { name }) => chain(tf.layers.globalAveragePooling2d({ name })),
  GlobalMaxPool1D: (_, { name }) => chain(tf.layers.globalMaxPooling1d({ name })),
  GlobalMaxPool2D: (_, { name }) => chain(tf.layers.globalMaxPooling2d({ name })),
};
