import * as tf from '@tensorflow/tfjs';

/** What tfjs' initializer factories return. */
export type Initializer = ReturnType<typeof tf.initializers.zeros>;

/** A layer's `addWeight`, handed to the helpers below so that one layer can own many parts. */
export type AddWeight = (
  name: string,
  shape: number[],
  initializer: Initializer,
) => tf.LayerVariable;

/** Binds a layer's protected `addWeight` for float32 trainable weights. */
export function weightAdder(
  add: (
    name: string,
    shape: number[],
    dtype: 'float32',
    initializer: Initializer,
  ) => tf.LayerVariable,
): AddWeight {
  return (name, shape, initializer) => add(name, shape, 'float32', initializer);
}

/** Kernel and bias of a dense projection, Keras' layout. */
export interface DenseWeights {
  kernel: tf.LayerVariable;
  bias: tf.LayerVariable;
}

export function addDenseWeights(
  add: AddWeight,
  name: string,
  from: number,
  to: number,
): DenseWeights {
  return {
    kernel: add(`${name}/kernel`, [from, to], tf.initializers.glorotUniform({})),
    bias: add(`${name}/bias`, [to], tf.initializers.zeros()),
  };
}

/** Exact GELU, the same formula as tfjs' `gelu` activation (Keras' default, approximate=False). */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
}

/** `x · kernel + bias` on the last axis, then `activation`. */
export function applyDense(
  x: tf.Tensor,
  w: DenseWeights,
  activation: 'linear' | 'relu' | 'gelu' = 'linear',
): tf.Tensor {
  const kernel = w.kernel.read();
  const [from, to] = kernel.shape;
  const flat = tf.reshape(x, [-1, from]);
  const y = tf.reshape(tf.add(tf.matMul(flat, kernel), w.bias.read()), [
    ...x.shape.slice(0, -1),
    to,
  ]);
  if (activation === 'relu') return tf.relu(y);
  if (activation === 'gelu') return gelu(y);
  return y;
}

/** Gain and offset of a layer normalisation over the last axis. */
export interface NormWeights {
  gamma: tf.LayerVariable;
  beta: tf.LayerVariable;
}

export function addNormWeights(add: AddWeight, name: string, features: number): NormWeights {
  return {
    gamma: add(`${name}/gamma`, [features], tf.initializers.ones()),
    beta: add(`${name}/beta`, [features], tf.initializers.zeros()),
  };
}

/** Keras' LayerNormalization: `(x - mean) / sqrt(variance + epsilon) · gamma + beta` per step. */
export function applyNorm(x: tf.Tensor, w: NormWeights, epsilon: number): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  const normalised = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, epsilon)));
  return tf.add(tf.mul(normalised, w.gamma.read()), w.beta.read());
}

/** Inverted dropout while training, identity otherwise. */
export function dropoutIf(x: tf.Tensor, rate: number, training: boolean): tf.Tensor {
  return training && rate > 0 ? tf.dropout(x, rate) : x;
}
