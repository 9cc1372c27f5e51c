import { BLOCK_EPSILON } from '../../../shared/layers/transformer.js';

/**
 * Strata's own layers written out for tf.keras, with weights created in the order (and shapes)
 * the tfjs layers hold them, so `set_weights` takes Strata's weights as they are. Each is
 * included only when a model uses it.
 */
const helpers = {
  blockMath: {
    needs: [],
    code: `
def _dense_weights(layer, name, kernel_shape, bias_shape):
    kernel = layer.add_weight(name=name + "_kernel", shape=kernel_shape, initializer="glorot_uniform")
    bias = layer.add_weight(name=name + "_bias", shape=bias_shape, initializer="zeros")
    return kernel, bias


def _norm_weights(layer, name, size):
    gamma = layer.add_weight(name=name + "_gamma", shape=(size,), initializer="ones")
    beta = layer.add_weight(name=name + "_beta", shape=(size,), initializer="zeros")
    return gamma, beta


def _attention_weights(layer, name, query_features, source_features, num_heads, key_dim):
    """Keras' MultiHeadAttention weights: per-head projections [features, heads, size]."""
    return {
        "query": _dense_weights(layer, name + "_query", (query_features, num_heads, key_dim), (num_heads, key_dim)),
        "key": _dense_weights(layer, name + "_key", (source_features, num_heads, key_dim), (num_heads, key_dim)),
        "value": _dense_weights(layer, name + "_value", (source_features, num_heads, key_dim), (num_heads, key_dim)),
        "output": _dense_weights(layer, name + "_output", (num_heads, key_dim, query_features), (query_features,)),
    }


def _attend(w, query, source, key_dim, causal):
    """Scaled dot-product attention as Keras' MultiHeadAttention computes it."""
    def project(x, part):
        kernel, bias = w[part]
        return tf.einsum("btf,fhs->bhts", x, kernel) + bias[:, None, :]

    q = project(query, "query") / math.sqrt(key_dim)
    scores = tf.einsum("bhqs,bhks->bhqk", q, project(source, "key"))
    if causal:
        allowed = tf.linalg.band_part(tf.ones(tf.shape(scores)[-2:]), -1, 0)
        scores += (1.0 - allowed) * -1e9
    mixed = tf.einsum("bhqk,bhks->bqhs", tf.nn.softmax(scores, axis=-1), project(source, "value"))
    kernel, bias = w["output"]
    return tf.einsum("bqhs,hsf->bqf", mixed, kernel) + bias


def _layer_norm(x, weights, epsilon=${BLOCK_EPSILON}):
    gamma, beta = weights
    mean, variance = tf.nn.moments(x, axes=[-1], keepdims=True)
    return (x - mean) / tf.sqrt(variance + epsilon) * gamma + beta


def _feed_forward(x, hidden, out, activation):
    y = tf.tensordot(x, hidden[0], axes=1) + hidden[1]
    y = tf.nn.gelu(y, approximate=False) if activation == "gelu" else tf.nn.relu(y)
    return tf.tensordot(y, out[0], axes=1) + out[1]
`,
  },
  encoderBlock: {
    needs: ['blockMath'],
    code: `
class TransformerEncoderBlock(layers.Layer):
    """Strata's post-norm encoder block: self-attention, dropout, residual, LayerNormalization,
    then Dense -> Dense, dropout, residual, LayerNormalization. Causal for GPT-style models."""

    def __init__(self, num_heads, key_dim, ff_dim, ff_activation="relu", dropout=0.1, causal=False, **kwargs):
        super().__init__(**kwargs)
        self.num_heads, self.key_dim, self.ff_dim = num_heads, key_dim, ff_dim
        self.ff_activation, self.rate, self.causal = ff_activation, dropout, causal
        self.dropout = layers.Dropout(dropout)

    def build(self, input_shape):
        d = int(input_shape[-1])
        self.attention = _attention_weights(self, "self_attention", d, d, self.num_heads, self.key_dim)
        self.attention_norm = _norm_weights(self, "attention_norm", d)
        self.ff_hidden = _dense_weights(self, "ff_hidden", (d, self.ff_dim), (self.ff_dim,))
        self.ff_out = _dense_weights(self, "ff_out", (self.ff_dim, d), (d,))
        self.ff_norm = _norm_weights(self, "ff_norm", d)
        self.built = True

    def call(self, x, training=None):
        attended = _attend(self.attention, x, x, self.key_dim, self.causal)
        x = _layer_norm(x + self.dropout(attended, training=training), self.attention_norm)
        y = _feed_forward(x, self.ff_hidden, self.ff_out, self.ff_activation)
        return _layer_norm(x + self.dropout(y, training=training), self.ff_norm)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "num_heads": self.num_heads, "key_dim": self.key_dim,
                "ff_dim": self.ff_dim, "ff_activation": self.ff_activation, "dropout": self.rate,
                "causal": self.causal}
`,
  },
  decoderBlock: {
    needs: ['blockMath'],
    code: `
class TransformerDecoderBlock(layers.Layer):
    """Strata's post-norm decoder block on [target, encoder output]: causal self-attention,
    attention to the encoder output, then feed-forward; each with dropout, residual and norm."""

    def __init__(self, num_heads, key_dim, ff_dim, ff_activation="relu", dropout=0.1, **kwargs):
        super().__init__(**kwargs)
        self.num_heads, self.key_dim, self.ff_dim = num_heads, key_dim, ff_dim
        self.ff_activation, self.rate = ff_activation, dropout
        self.dropout = layers.Dropout(dropout)

    def build(self, input_shape):
        target, memory = input_shape
        d, e = int(target[-1]), int(memory[-1])
        self.self_attention = _attention_weights(self, "self_attention", d, d, self.num_heads, self.key_dim)
        self.self_norm = _norm_weights(self, "self_norm", d)
        self.cross_attention = _attention_weights(self, "cross_attention", d, e, self.num_heads, self.key_dim)
        self.cross_norm = _norm_weights(self, "cross_norm", d)
        self.ff_hidden = _dense_weights(self, "ff_hidden", (d, self.ff_dim), (self.ff_dim,))
        self.ff_out = _dense_weights(self, "ff_out", (self.ff_dim, d), (d,))
        self.ff_norm = _norm_weights(self, "ff_norm", d)
        self.built = True

    def call(self, inputs, training=None):
        target, memory = inputs
        attended = _attend(self.self_attention, target, target, self.key_dim, True)
        x = _layer_norm(target + self.dropout(attended, training=training), self.self_norm)
        crossed = _attend(self.cross_attention, x, memory, self.key_dim, False)
        x = _layer_norm(x + self.dropout(crossed, training=training), self.cross_norm)
        y = _feed_forward(x, self.ff_hidden, self.ff_out, self.ff_activation)
        return _layer_norm(x + self.dropout(y, training=training), self.ff_norm)

    def compute_output_shape(self, input_shape):
        return input_shape[0]

    def get_config(self):
        return {**super().get_config(), "num_heads": self.num_heads, "key_dim": self.key_dim,
                "ff_dim": self.ff_dim, "ff_activation": self.ff_activation, "dropout": self.rate}
`,
  },
  positionEmbedding: {
    needs: [],
    code: `
class PositionEmbedding(layers.Layer):
    """Adds a learned vector per position (keras-hub's PositionEmbedding)."""

    def __init__(self, max_length, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length

    def build(self, input_shape):
        self.embeddings = self.add_weight(name="embeddings", shape=(self.max_length, int(input_shape[-1])),
                                          initializer="glorot_uniform")
        self.built = True

    def call(self, x):
        return x + self.embeddings[: tf.shape(x)[1]]

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "max_length": self.max_length}
`,
  },
  hardSigmoid: {
    needs: [],
    code: `
def tfjs_hard_sigmoid(x):
    """tfjs' (and Keras 2's) hard sigmoid, clip(0.2 x + 0.5, 0, 1); Keras 3's differs."""
    return tf.clip_by_value(0.2 * x + 0.5, 0.0, 1.0)
`,
  },
  sinusoidal: {
    needs: [],
    code: `
class SinusoidalPositionalEncoding(layers.Layer):
    """Adds sin(pos / w^(2i/d)) to feature 2i and its cosine to feature 2i+1; no weights."""

    def __init__(self, max_wavelength=10000, **kwargs):
        super().__init__(**kwargs)
        self.max_wavelength = max_wavelength

    def call(self, x):
        size = x.shape[-1]
        position = tf.cast(tf.range(tf.shape(x)[1]), "float64")[:, None]
        i = tf.range(size)
        exponent = tf.cast(2 * (i // 2), "float64") / size
        angle = position / tf.pow(tf.constant(self.max_wavelength, "float64"), exponent)
        table = tf.where(i % 2 == 0, tf.sin(angle), tf.cos(angle))
        return x + tf.cast(table, x.dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "max_wavelength": self.max_wavelength}
`,
  },
} satisfies Record<string, { needs: string[]; code: string }>;

/** A Python helper a layer's Keras code may need. */
export type KerasHelper = keyof typeof helpers;

/** Classes the helpers define, for `custom_objects` when loading a saved model. */
export const KERAS_CUSTOM_CLASSES: Partial<Record<KerasHelper, string>> = {
  encoderBlock: 'TransformerEncoderBlock',
  decoderBlock: 'TransformerDecoderBlock',
  positionEmbedding: 'PositionEmbedding',
  sinusoidal: 'SinusoidalPositionalEncoding',
};

/** The source of the helpers asked for and those they need, each once, dependencies first. */
export function kerasPrelude(wanted: Iterable<KerasHelper>): string {
  const done = new Set<KerasHelper>();
  const parts: string[] = [];
  const visit = (name: KerasHelper) => {
    if (done.has(name)) return;
    done.add(name);
    for (const need of helpers[name].needs as KerasHelper[]) visit(need);
    parts.push(helpers[name].code.trim());
  };
  for (const name of wanted) visit(name);
  return parts.join('\n\n\n');
}
