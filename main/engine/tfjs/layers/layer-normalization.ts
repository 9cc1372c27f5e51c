import * as tf from '@tensorflow/tfjs';
import { layerNormLastAxis } from '../gradients/layer-norm.js';

type Args = NonNullable<Parameters<typeof tf.layers.layerNormalization>[0]>;
type TfjsLayerNormalization = ReturnType<typeof tf.layers.layerNormalization>;
/** The class's statics are those of every tfjs Layer (className, fromConfig). */
type LayerNormalizationClass = Omit<typeof tf.layers.Layer, 'prototype'> &
  (new (args?: Args) => TfjsLayerNormalization);

// tfjs does not export the class itself; its serialization registry holds it.
const [TfjsLayerNormalizationClass] = tf.serialization.SerializationMap.getMap().classNameMap[
  'LayerNormalization'
] as unknown as [LayerNormalizationClass];

/**
 * tfjs' LayerNormalization, computed by {@link layerNormLastAxis} when it normalises the last
 * axis with both gamma and beta (every Strata node does); anything else takes tfjs' own path.
 * Registered under tfjs' class name, so saved and resumed models load it too, and the model
 * files stay those of a plain tfjs LayerNormalization.
 */
export class LayerNormalization extends TfjsLayerNormalizationClass {
  static className = 'LayerNormalization';
  /** Set by build: whether this layer takes the fast path. */
  private fast = false;

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    super.build(inputShape);
    const rank = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape).length;
    const axis = [this.getConfig().axis].flat() as number[];
    const lastAxisOnly = axis.length === 1 && (axis[0]! + rank) % rank === rank - 1;
    this.fast = lastAxisOnly && this.scale && this.center;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict) {
    const [gamma, beta] = this.weights;
    if (!this.fast || !gamma || !beta) return super.call(inputs, kwargs);
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.tidy(() => layerNormLastAxis(x, gamma.read(), beta.read(), this.epsilon));
  }
}
tf.serialization.registerClass(LayerNormalization);
