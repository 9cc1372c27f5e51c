import * as tf from '@tensorflow/tfjs';
import {
  addAttentionWeights,
  attend,
  type AttentionOptions,
  type AttentionWeights,
} from './attention-core.js';
import { features, isTraining, shapeList, tensorList, type LayerArgs } from './inputs.js';
import { weightAdder } from './weights.js';

export type MultiHeadAttentionArgs = LayerArgs & AttentionOptions;

/**
 * Keras' MultiHeadAttention, which tfjs lacks: one input attends to itself, two inputs are
 * `[query, key/value]`. Weights, shapes and masking follow Keras.
 */
export class MultiHeadAttention extends tf.layers.Layer {
  static readonly className = 'StrataMultiHeadAttention';
  readonly options: AttentionOptions;
  private parts?: AttentionWeights;

  constructor(args: MultiHeadAttentionArgs) {
    super(args);
    const { numHeads, keyDim, valueDim, dropout, causal } = args;
    this.options = { numHeads, keyDim, valueDim, dropout, causal };
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const [query, source = query] = shapeList(inputShape);
    const add = weightAdder((...a) => this.addWeight(...a));
    const name = 'MultiHeadAttention';
    this.parts = addAttentionWeights(
      add,
      'mha',
      features(query, name),
      features(source, name),
      this.options,
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return shapeList(inputShape)[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const [query, source = query] = tensorList(inputs) as tf.Tensor3D[];
      return attend(this.parts!, query, source, this.options, isTraining(kwargs));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.options };
  }
}
tf.serialization.registerClass(MultiHeadAttention);
