import * as tf from '@tensorflow/tfjs';
import type { ActivationName } from '../../../shared/layers/activations.js';

/** tfjs' identifier for each activation it implements natively. */
const native = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  elu: 'elu',
  selu: 'selu',
  gelu: 'gelu',
  swish: 'swish',
} as const;

type NativeActivation = Exclude<ActivationName, 'leaky_relu'>;

/**
 * Splits an activation into what a tfjs layer's `activation` option accepts and, for leaky
 * ReLU (a layer in tfjs, not an activation), an extra layer to apply after it.
 */
export function tfjsActivation(
  activation: ActivationName,
  name: string,
  alpha = 0.3,
): { activation: (typeof native)[NativeActivation]; after?: tf.layers.Layer } {
  if (activation === 'leaky_relu') {
    return { activation: 'linear', after: tf.layers.leakyReLU({ alpha, name: `${name}_act` }) };
  }
  return { activation: native[activation] };
}
