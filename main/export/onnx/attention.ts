import * as tf from '@tensorflow/tfjs';
import type { TensorShape } from '../../../shared/layers/shape.js';
import { BLOCK_EPSILON } from '../../../shared/layers/transformer.js';
import { activate } from './activation.js';
import { dense } from './core.js';
import { UnsupportedNode, type OnnxTable } from './emitter.js';
import { int, ints, type OnnxGraph } from './graph.js';
import { layerNorm } from './spatial.js';

/** Keras' MultiHeadAttention weights in the custom layer's order (see attention-core.ts). */
interface AttentionWeights {
  query: [tf.Tensor, tf.Tensor];
  key: [tf.Tensor, tf.Tensor];
  value: [tf.Tensor, tf.Tensor];
  output: [tf.Tensor, tf.Tensor];
}

/** Hands out a layer's weights in order, so composite layers can read theirs part by part. */
class WeightCursor {
  private at = 0;
  constructor(private readonly all: tf.Tensor[]) {}
  take(n: number): tf.Tensor[] {
    const taken = this.all.slice(this.at, this.at + n);
    if (taken.length < n)
      throw new Error(`the layer has ${this.all.length} weights, fewer than expected`);
    this.at += n;
    return taken;
  }
  attention(): AttentionWeights {
    const [qk, qb, kk, kb, vk, vb, ok, ob] = this.take(8);
    return { query: [qk, qb], key: [kk, kb], value: [vk, vb], output: [ok, ob] };
  }
  pair(): [tf.Tensor, tf.Tensor] {
    const [a, b] = this.take(2);
    return [a, b];
  }
}

/** Keras adds this to masked scores before the softmax. */
const MASKED = -1e9;

/** `[batch, T, F]` projected per head and split: `[batch, heads, T, size]`, or `[batch, heads, size, T]` for keys. */
function heads(
  g: OnnxGraph,
  x: string,
  [kernel, bias]: [tf.Tensor, tf.Tensor],
  scale: number,
  keys: boolean,
) {
  const [features, count, size] = kernel.shape;
  const flatKernel = tf.mul(tf.reshape(kernel, [features, count * size]), scale);
  const projected = dense(g, x, flatKernel, tf.mul(tf.reshape(bias, [-1]), scale));
  const split = g.op('Reshape', [projected, g.int64s('shape', [0, 0, count, size])]);
  return g.op('Transpose', [split], { perm: ints(keys ? [0, 2, 3, 1] : [0, 2, 1, 3]) });
}

/** Scaled dot-product attention of `query` over `source`, with Keras' causal mask. */
function attention(
  g: OnnxGraph,
  query: string,
  source: string,
  w: AttentionWeights,
  causal: boolean,
  [queryShape, sourceShape]: [TensorShape, TensorShape],
): string {
  const keyDim = w.query[0].shape[2]!;
  // Scaling the query projection by 1/√d is the same as scaling the scores, as Keras does.
  const q = heads(g, query, w.query, 1 / Math.sqrt(keyDim), false);
  const k = heads(g, source, w.key, 1, true);
  const v = heads(g, source, w.value, 1, false);
  let scores = g.op('MatMul', [q, k]);
  if (causal) {
    const [tq, tk] = [queryShape[0], sourceShape[0]];
    if (tq === null || tk === null) {
      throw new UnsupportedNode('causal attention needs a fixed sequence length to write its mask');
    }
    const penalty = new Float32Array(tq * tk);
    for (let i = 0; i < tq; i++) for (let j = i + 1; j < tk; j++) penalty[i * tk + j] = MASKED;
    scores = g.op('Add', [scores, g.floatConstant('causal_mask', penalty, [tq, tk])]);
  }
  const weights = g.op('Softmax', [scores], { axis: int(-1) });
  const mixed = g.op('Transpose', [g.op('MatMul', [weights, v])], { perm: ints([0, 2, 1, 3]) });
  const [count, size, features] = w.output[0].shape;
  const joined = g.op('Reshape', [mixed, g.int64s('shape', [0, 0, count * size])]);
  return dense(g, joined, tf.reshape(w.output[0], [count * size, features]), w.output[1]);
}

/** Dropout (identity at inference), residual, LayerNormalization: the blocks' post-norm sublayer. */
function residual(g: OnnxGraph, x: string, y: string, [gamma, beta]: [tf.Tensor, tf.Tensor]) {
  return layerNorm(g, g.op('Add', [x, y]), gamma, beta, BLOCK_EPSILON);
}

function feedForward(g: OnnxGraph, x: string, cursor: WeightCursor, activation: 'relu' | 'gelu') {
  const [hiddenKernel, hiddenBias] = cursor.pair();
  const [outKernel, outBias] = cursor.pair();
  const hidden = activate(g, dense(g, x, hiddenKernel, hiddenBias), activation);
  return residual(g, x, dense(g, hidden, outKernel, outBias), cursor.pair());
}

type Kind = 'MultiHeadAttention' | 'TransformerEncoderBlock' | 'TransformerDecoderBlock';

/** Attention and the transformer blocks, composed from MatMul, Softmax and LayerNormalization. */
export const attentionEmitters: OnnxTable<Kind> = {
  MultiHeadAttention: ({
    g,
    inputs: [query, source = query],
    inputShapes: [qs, ss = qs],
    params,
    weights,
  }) =>
    attention(g, query, source, new WeightCursor(weights()).attention(), params.causal, [qs, ss]),
  TransformerEncoderBlock: ({ g, inputs: [x], inputShapes: [s], params, weights }) => {
    const cursor = new WeightCursor(weights());
    const attended = attention(g, x, x, cursor.attention(), params.causal, [s, s]);
    const mixed = residual(g, x, attended, cursor.pair());
    return feedForward(g, mixed, cursor, params.ffActivation);
  },
  TransformerDecoderBlock: ({ g, inputs: [x, memory], inputShapes: [s, m], params, weights }) => {
    const cursor = new WeightCursor(weights());
    const self = attention(g, x, x, cursor.attention(), true, [s, s]);
    const target = residual(g, x, self, cursor.pair());
    const cross = attention(g, target, memory, cursor.attention(), false, [s, m]);
    const mixed = residual(g, target, cross, cursor.pair());
    return feedForward(g, mixed, cursor, params.ffActivation);
  },
};
