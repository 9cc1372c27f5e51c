import * as tf from '@tensorflow/tfjs';
import { features, type LayerArgs } from './inputs.js';

export type PositionEmbeddingArgs = LayerArgs & { maxLength: number };

/** Adds a learned vector per position (keras-hub's PositionEmbedding, added to its input). */
export class PositionEmbedding extends tf.layers.Layer {
  static readonly className = 'StrataPositionEmbedding';
  readonly maxLength: number;
  private embeddings?: tf.LayerVariable;

  constructor(args: PositionEmbeddingArgs) {
    super(args);
    this.maxLength = args.maxLength;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    const size = features(shape, 'PositionEmbedding');
    const init = tf.initializers.glorotUniform({});
    this.embeddings = this.addWeight('embeddings', [this.maxLength, size], 'float32', init);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return inputShape as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [, steps, size] = x.shape;
      if (steps > this.maxLength) {
        throw new Error(`PositionEmbedding has ${this.maxLength} positions but got ${steps} steps`);
      }
      return tf.add(x, tf.slice(this.embeddings!.read(), [0, 0], [steps, size]));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), maxLength: this.maxLength };
  }
}
tf.serialization.registerClass(PositionEmbedding);
