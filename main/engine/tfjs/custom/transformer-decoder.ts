import * as tf from '@tensorflow/tfjs';
import { BLOCK_EPSILON } from '../../../../shared/layers/transformer.js';
import { addAttentionWeights, attend, type AttentionWeights } from './attention-core.js';
import { features, isTraining, shapeList, tensorList, type LayerArgs } from './inputs.js';
import {
  addFeedForward,
  blockAttention,
  feedForward,
  type BlockOptions,
  type FeedForward,
} from './transformer-parts.js';
import { addNormWeights, applyNorm, dropoutIf, weightAdder, type NormWeights } from './weights.js';

export type TransformerDecoderArgs = LayerArgs & BlockOptions;

/**
 * Post-norm transformer decoder block: causal self-attention over the target, attention from
 * the target to the encoder output, then feed-forward; each with dropout, residual and norm.
 */
export class TransformerDecoderBlock extends tf.layers.Layer {
  static readonly className = 'StrataTransformerDecoderBlock';
  readonly options: BlockOptions;
  private parts?: {
    self: AttentionWeights;
    selfNorm: NormWeights;
    cross: AttentionWeights;
    crossNorm: NormWeights;
    ff: FeedForward;
  };

  constructor(args: TransformerDecoderArgs) {
    super(args);
    const { numHeads, keyDim, ffDim, ffActivation, dropout } = args;
    this.options = { numHeads, keyDim, ffDim, ffActivation, dropout };
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const [target, memory] = shapeList(inputShape);
    const layer = 'TransformerDecoderBlock';
    const [d, e] = [features(target, layer), features(memory, layer)];
    const add = weightAdder((...a) => this.addWeight(...a));
    this.parts = {
      self: addAttentionWeights(add, 'self_attention', d, d, blockAttention(this.options, true)),
      selfNorm: addNormWeights(add, 'self_norm', d),
      cross: addAttentionWeights(add, 'cross_attention', d, e, blockAttention(this.options, false)),
      crossNorm: addNormWeights(add, 'cross_norm', d),
      ff: addFeedForward(add, d, this.options.ffDim),
    };
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return shapeList(inputShape)[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const [target, memory] = tensorList(inputs) as tf.Tensor3D[];
      const training = isTraining(kwargs);
      const o = this.options;
      const p = this.parts!;
      const residual = (x: tf.Tensor, y: tf.Tensor, norm: NormWeights) =>
        applyNorm(tf.add(x, dropoutIf(y, o.dropout, training)), norm, BLOCK_EPSILON) as tf.Tensor3D;
      const self = attend(p.self, target, target, blockAttention(o, true), training);
      const attended = residual(target, self, p.selfNorm);
      const cross = attend(p.cross, attended, memory, blockAttention(o, false), training);
      return feedForward(residual(attended, cross, p.crossNorm), p.ff, o, training);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.options };
  }
}
tf.serialization.registerClass(TransformerDecoderBlock);
