import * as tf from '@tensorflow/tfjs';
import type { normalizationLayers } from '../../../../shared/layers/normalization.js';
import { chain, type BuilderTable } from '../builder.js';
import { LayerNormalization } from './layer-normalization.js';

/** tfjs builders of the normalization family, normalising the last (channel) axis. */
export const normalizationBuilders: BuilderTable<keyof typeof normalizationLayers> = {
  BatchNormalization: ({ momentum, epsilon }, { name }) =>
    chain(tf.layers.batchNormalization({ axis: -1, momentum, epsilon, name })),
  LayerNormalization: ({ epsilon }, { name }) =>
    chain(new LayerNormalization({ axis: -1, epsilon, name })),
};
