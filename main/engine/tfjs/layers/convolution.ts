import * as tf from '@tensorflow/tfjs';
import type { ActivationName } from '../../../../shared/layers/activations.js';
import type { convolutionLayers } from '../../../../shared/layers/convolution.js';
import { tfjsActivation } from '../activation.js';
import { chain, type ApplyLayer, type BuilderTable } from '../builder.js';

type NativeActivation = ReturnType<typeof tfjsActivation>['activation'];

/** Builds a layer with its activation fused where tfjs can, and chained after it where not. */
function activated(
  activation: ActivationName,
  name: string,
  make: (native: NativeActivation) => tf.layers.Layer,
): ApplyLayer {
  const act = tfjsActivation(activation, name);
  const layer = make(act.activation);
  return act.after ? chain(layer, act.after) : chain(layer);
}

/**
 * tfjs 4.22's SeparableConv2D leaves `depth_multiplier` out of its saved config, so a saved model
 * with a multiplier above 1 reloads with 1 and its weights no longer fit; save it too.
 */
function savingDepthMultiplier(layer: tf.layers.Layer): tf.layers.Layer {
  const getConfig = layer.getConfig.bind(layer);
  const { depthMultiplier } = layer as unknown as { depthMultiplier: number };
  layer.getConfig = () => ({ ...getConfig(), depthMultiplier });
  return layer;
}

/** tfjs builders of the convolution family; activations fuse into the layer where tfjs can. */
export const convolutionBuilders: BuilderTable<keyof typeof convolutionLayers> = {
  Conv1D: ({ activation, ...p }, { name }) =>
    activated(activation, name, (act) => tf.layers.conv1d({ ...p, activation: act, name })),
  Conv2D: ({ activation, ...p }, { name }) =>
    activated(activation, name, (act) => tf.layers.conv2d({ ...p, activation: act, name })),
  Conv2DTranspose: ({ activation, ...p }, { name }) =>
    activated(activation, name, (act) =>
      tf.layers.conv2dTranspose({ ...p, activation: act, name }),
    ),
  SeparableConv2D: ({ activation, ...p }, { name }) =>
    activated(activation, name, (act) =>
      savingDepthMultiplier(tf.layers.separableConv2d({ ...p, activation: act, name })),
    ),
  DepthwiseConv2D: ({ activation, ...p }, { name }) =>
    activated(activation, name, (act) =>
      tf.layers.depthwiseConv2d({ ...p, activation: act, name }),
    ),
};
