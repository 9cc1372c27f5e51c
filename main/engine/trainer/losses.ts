import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../../shared/layers/io.js';

/** Keras' clipping of probabilities before a logarithm. */
const EPSILON = 1e-7;

/**
 * The loss of a batch as Keras defines it for probability outputs (softmax / sigmoid), averaged
 * over every example and position. Sparse targets hold class indices, one per prediction row.
 */
export function lossValue(name: LossName, target: tf.Tensor, prediction: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (name) {
      case 'sparse_categorical_crossentropy':
        return crossEntropy(sparseToOneHot(target, prediction), prediction);
      case 'categorical_crossentropy':
        return crossEntropy(target, prediction);
      case 'binary_crossentropy': {
        const p = tf.clipByValue(prediction, EPSILON, 1 - EPSILON);
        const y = target.reshape(p.shape).toFloat();
        return tf.neg(
          tf.mean(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))),
        );
      }
      case 'mean_squared_error':
        return tf.mean(tf.squaredDifference(prediction, target.reshape(prediction.shape)));
      case 'mean_absolute_error':
        return tf.mean(tf.abs(tf.sub(prediction, target.reshape(prediction.shape))));
      case 'huber': {
        const error = tf.abs(tf.sub(prediction, target.reshape(prediction.shape)));
        const quadratic = tf.minimum(error, 1);
        return tf.mean(tf.add(tf.mul(0.5, tf.square(quadratic)), tf.sub(error, quadratic)));
      }
    }
  });
}

/** Fraction of predictions whose arg-max (or rounded sigmoid) equals the target. */
export function accuracyValue(name: LossName, target: tf.Tensor, prediction: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    if (name === 'binary_crossentropy') {
      return tf.mean(
        tf.equal(tf.round(prediction), target.reshape(prediction.shape).toFloat()).toFloat(),
      );
    }
    const predicted = tf.argMax(prediction, -1);
    const actual =
      name === 'sparse_categorical_crossentropy'
        ? target.reshape(predicted.shape).toInt()
        : tf.argMax(target, -1);
    return tf.mean(tf.equal(predicted, actual).toFloat());
  });
}

function crossEntropy(oneHot: tf.Tensor, prediction: tf.Tensor): tf.Scalar {
  const p = tf.clipByValue(prediction, EPSILON, 1 - EPSILON);
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.log(p)), -1)));
}

function sparseToOneHot(target: tf.Tensor, prediction: tf.Tensor): tf.Tensor {
  const classes = prediction.shape[prediction.shape.length - 1];
  const rows = prediction.shape.slice(0, -1);
  return tf.oneHot(target.reshape([-1]).toInt(), classes).reshape([...rows, classes]);
}

/** Whether a loss treats the output as class probabilities (so accuracy means something). */
export function isClassificationLoss(name: LossName): boolean {
  return name.includes('crossentropy');
}
