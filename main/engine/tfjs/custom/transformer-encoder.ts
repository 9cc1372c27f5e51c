import * as tf from '@tensorflow/tfjs';
import { BLOCK_EPSILON } from '../../../../shared/layers/transformer.js';
import { addAttentionWeights, attend, type AttentionWeights } from './attention-core.js';
import { features, isTraining, type LayerArgs } from './inputs.js';
import {
  addFeedForward,
  blockAttention,
  feedForward,
  type BlockOptions,
  type FeedForward,
} from './transformer-parts.js';
import { addNormWeights, applyNorm, dropoutIf, weightAdder, type NormWeights } from './weights.js';

export type TransformerEncoderArgs = LayerArgs & BlockOptions & { causal: boolean };

/**
 * Post-norm transformer encoder block as in the Keras tutorial: self-attention, dropout,
 * residual, LayerNormalization, then Dense → Dense, dropout, residual, LayerNormalization.
 * Causal masking turns it into a GPT-style decoder-only block.
 */
export class TransformerEncoderBlock extends tf.layers.Layer {
  static readonly className = 'StrataTransformerEncoderBlock';
  readonly options: BlockOptions & { causal: boolean };
  private parts?: { attention: AttentionWeights; norm: NormWeights; ff: FeedForward };

  constructor(args: TransformerEncoderArgs) {
    super(args);
    const { numHeads, keyDim, ffDim, ffActivation, dropout, causal } = args;
    this.options = { numHeads, keyDim, ffDim, ffActivation, dropout, causal };
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const d = features(inputShape as tf.Shape, 'TransformerEncoderBlock');
    const add = weightAdder((...a) => this.addWeight(...a));
    const attentionOptions = blockAttention(this.options, this.options.causal);
    this.parts = {
      attention: addAttentionWeights(add, 'self_attention', d, d, attentionOptions),
      norm: addNormWeights(add, 'attention_norm', d),
      ff: addFeedForward(add, d, this.options.ffDim),
    };
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return inputShape as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const training = isTraining(kwargs);
      const o = this.options;
      const p = this.parts!;
      const attended = attend(p.attention, x, x, blockAttention(o, o.causal), training);
      const mixed = applyNorm(
        tf.add(x, dropoutIf(attended, o.dropout, training)),
        p.norm,
        BLOCK_EPSILON,
      );
      return feedForward(mixed, p.ff, o, training);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.options };
  }
}
tf.serialization.registerClass(TransformerEncoderBlock);
