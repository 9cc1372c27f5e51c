import * as tf from '@tensorflow/tfjs';
import { BLOCK_EPSILON } from '../../../../shared/layers/transformer.js';
import {
  addDenseWeights,
  addNormWeights,
  applyDense,
  applyNorm,
  dropoutIf,
  type AddWeight,
  type DenseWeights,
  type NormWeights,
} from './weights.js';

/** What the transformer blocks share: heads, feed-forward size and dropout. */
export interface BlockOptions {
  numHeads: number;
  keyDim: number;
  ffDim: number;
  ffActivation: 'relu' | 'gelu';
  dropout: number;
}

/** The attention settings a block uses (its dropout applies after attention, not inside). */
export const blockAttention = (o: BlockOptions, causal: boolean) => ({
  numHeads: o.numHeads,
  keyDim: o.keyDim,
  valueDim: 0,
  dropout: 0,
  causal,
});

/** Weights and computation of the feed-forward sublayer with its residual and norm. */
export interface FeedForward {
  hidden: DenseWeights;
  output: DenseWeights;
  norm: NormWeights;
}

/** Adds the feed-forward weights in the order the expansion lists its nodes. */
export function addFeedForward(add: AddWeight, d: number, ffDim: number): FeedForward {
  return {
    hidden: addDenseWeights(add, 'ff_hidden', d, ffDim),
    output: addDenseWeights(add, 'ff_out', ffDim, d),
    norm: addNormWeights(add, 'ff_norm', d),
  };
}

/** Dense → Dense, dropout, residual and norm. */
export function feedForward(
  x: tf.Tensor,
  w: FeedForward,
  o: BlockOptions,
  training: boolean,
): tf.Tensor {
  const y = applyDense(applyDense(x, w.hidden, o.ffActivation), w.output);
  return applyNorm(tf.add(x, dropoutIf(y, o.dropout, training)), w.norm, BLOCK_EPSILON);
}
