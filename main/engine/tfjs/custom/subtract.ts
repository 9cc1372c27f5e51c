import * as tf from '@tensorflow/tfjs';

/** `a - b`: tfjs has no Subtract merge layer, Keras does. */
export class Subtract extends tf.layers.Layer {
  static readonly className = 'StrataSubtract';

  override computeOutputShape(inputShape: tf.Shape[]): tf.Shape {
    return inputShape[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [a, b] = inputs as tf.Tensor[];
      return tf.sub(a, b);
    });
  }
}
tf.serialization.registerClass(Subtract);
