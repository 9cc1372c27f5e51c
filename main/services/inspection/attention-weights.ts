import * as tf from '@tensorflow/tfjs';

/** Where each attention layer keeps its self-attention weights, and whether it masks the future. */
const ATTENTION_LAYERS: Record<
  string,
  { prefix: string; causal: (layer: tf.layers.Layer) => boolean }
> = {
  StrataMultiHeadAttention: { prefix: 'mha', causal: (layer) => optionOf(layer, 'causal') },
  StrataTransformerEncoderBlock: {
    prefix: 'self_attention',
    causal: (layer) => optionOf(layer, 'causal'),
  },
  // A decoder block's self-attention is always causal.
  StrataTransformerDecoderBlock: { prefix: 'self_attention', causal: () => true },
};

/** Whether this layer computes attention weights that {@link attentionWeights} can recompute. */
export function hasAttention(layer: tf.layers.Layer): boolean {
  return Object.hasOwn(ATTENTION_LAYERS, layer.getClassName());
}

function optionOf(layer: tf.layers.Layer, name: string): boolean {
  const options = (layer as unknown as { options?: Record<string, unknown> }).options;
  return options?.[name] === true;
}

/**
 * Softmax(QKᵀ/√d) per head for one example, recomputed from the layer's trained query and key
 * projections and the inputs it received (`[query, key/value]`, or one input attending to
 * itself), with the causal mask applied where the layer applies it. Returns
 * `weights[head][query][key]`.
 */
export function attentionWeights(
  layer: tf.layers.Layer,
  inputs: readonly tf.Tensor[],
): { causal: boolean; weights: number[][][] } {
  const spec = ATTENTION_LAYERS[layer.getClassName()];
  if (!spec) throw new Error(`${layer.name} (${layer.getClassName()}) has no attention weights.`);
  const weight = (part: string) => {
    const suffix = `${spec.prefix}/${part}`;
    const found = layer.weights.find((w) => w.originalName.endsWith(suffix));
    if (!found) throw new Error(`${layer.name} has no weight ${suffix}.`);
    return found.read();
  };
  const causal = spec.causal(layer);
  const [query, source = query] = inputs;
  const weights = tf.tidy(() => {
    const project = (x: tf.Tensor, part: 'query' | 'key') => {
      const kernel = weight(`${part}/kernel`);
      const [features, heads, size] = kernel.shape;
      const steps = x.shape[1]!;
      const flat = tf.add(
        tf.matMul(tf.reshape(x, [steps, features]), tf.reshape(kernel, [features, heads * size])),
        tf.reshape(weight(`${part}/bias`), [-1]),
      );
      // [steps, heads, size] → [heads, steps, size]
      return tf.transpose(tf.reshape(flat, [steps, heads, size]), [1, 0, 2]);
    };
    const q = project(query, 'query');
    const k = project(source, 'key');
    const keyDim = q.shape[2]!;
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(keyDim));
    if (causal) {
      const [queries, keys] = [q.shape[1]!, k.shape[1]!];
      const allowed = tf.linalg.bandPart(tf.ones([queries, keys]), -1, 0);
      scores = tf.add(scores, tf.mul(tf.sub(1, allowed), -1e9));
    }
    return tf.softmax(scores);
  });
  const values = weights.arraySync() as number[][][];
  weights.dispose();
  return { causal, weights: values };
}
