import * as tf from '@tensorflow/tfjs';
import type { AddWeight, DenseWeights } from './weights.js';

/** How one attention is laid out and masked. */
export interface AttentionOptions {
  numHeads: number;
  keyDim: number;
  /** 0: the same as `keyDim`. */
  valueDim: number;
  dropout: number;
  causal: boolean;
}

/** Keras' MultiHeadAttention weights: per-head projections `[features, heads, size]`, biases `[heads, size]`. */
export interface AttentionWeights {
  query: DenseWeights;
  key: DenseWeights;
  value: DenseWeights;
  output: DenseWeights;
}

/** Adds the weights of one attention in Keras' order and shapes. */
export function addAttentionWeights(
  add: AddWeight,
  name: string,
  queryFeatures: number,
  sourceFeatures: number,
  o: AttentionOptions,
): AttentionWeights {
  const glorot = () => tf.initializers.glorotUniform({});
  const zeros = () => tf.initializers.zeros();
  const heads = (part: string, from: number, size: number): DenseWeights => ({
    kernel: add(`${name}/${part}/kernel`, [from, o.numHeads, size], glorot()),
    bias: add(`${name}/${part}/bias`, [o.numHeads, size], zeros()),
  });
  const valueDim = o.valueDim || o.keyDim;
  return {
    query: heads('query', queryFeatures, o.keyDim),
    key: heads('key', sourceFeatures, o.keyDim),
    value: heads('value', sourceFeatures, valueDim),
    output: {
      kernel: add(
        `${name}/attention_output/kernel`,
        [o.numHeads, valueDim, queryFeatures],
        glorot(),
      ),
      bias: add(`${name}/attention_output/bias`, [queryFeatures], zeros()),
    },
  };
}

/** `[batch, steps, features]` through a per-head projection to `[batch, heads, steps, size]`. */
function splitHeads(x: tf.Tensor3D, w: DenseWeights): tf.Tensor {
  const [batch, steps, features] = x.shape;
  const [, heads, size] = w.kernel.read().shape;
  const kernel = tf.reshape(w.kernel.read(), [features, heads * size]);
  const flat = tf.add(
    tf.matMul(tf.reshape(x, [-1, features]), kernel),
    tf.reshape(w.bias.read(), [-1]),
  );
  return tf.transpose(tf.reshape(flat, [batch, steps, heads, size]), [0, 2, 1, 3]);
}

/** Keras adds this to masked scores before the softmax. */
const MASKED = -1e9;

/** Step i may attend to steps 0..i: a lower-triangular `[queries, keys]` penalty. */
function causalPenalty(queries: number, keys: number): tf.Tensor {
  const allowed = tf.linalg.bandPart(tf.ones([queries, keys]), -1, 0);
  return tf.mul(tf.sub(1, allowed), MASKED);
}

/**
 * Scaled dot-product attention of `query` `[batch, Tq, dq]` over `source` `[batch, Tk, dk]`,
 * projected back to `[batch, Tq, dq]`, as Keras' MultiHeadAttention computes it.
 */
export function attend(
  w: AttentionWeights,
  query: tf.Tensor3D,
  source: tf.Tensor3D,
  o: AttentionOptions,
  training: boolean,
): tf.Tensor {
  const [batch, queries, features] = query.shape;
  const q = tf.mul(splitHeads(query, w.query), 1 / Math.sqrt(o.keyDim));
  const k = splitHeads(source, w.key);
  const v = splitHeads(source, w.value);
  let scores = tf.matMul(q, k, false, true);
  if (o.causal) scores = tf.add(scores, causalPenalty(queries, source.shape[1]));
  let weights = tf.softmax(scores);
  if (training && o.dropout > 0) weights = tf.dropout(weights, o.dropout);
  const mixed = tf.transpose(tf.matMul(weights, v), [0, 2, 1, 3]);
  const [heads, valueDim] = w.output.kernel.read().shape;
  const flat = tf.reshape(mixed, [-1, heads * valueDim]);
  const kernel = tf.reshape(w.output.kernel.read(), [heads * valueDim, features]);
  const out = tf.add(tf.matMul(flat, kernel), w.output.bias.read());
  return tf.reshape(out, [batch, queries, features]);
}
