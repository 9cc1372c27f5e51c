import * as tf from '@tensorflow/tfjs';

/**
 * `(x - mean) / sqrt(variance + epsilon) · gamma + beta` over the last axis, with its gradient
 * written out. tfjs-layers' LayerNormalization tiles its statistics and weights to the input's
 * shape, and the Tile gradient costs one slice per tile: a training step grew with the square of
 * the batch size. Here every intermediate broadcasts, so forward and backward are a fixed handful
 * of kernels whatever the batch.
 */
export function layerNormLastAxis(
  x: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  epsilon: number,
): tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, scale, offset] = args as [tf.Tensor, tf.Tensor, tf.Tensor];
    const save = args[3] as tf.GradSaveFunc;
    const last = input.rank - 1;
    const centred = tf.sub(input, tf.mean(input, last, true));
    const inverseStd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), last, true), epsilon));
    const normalised = tf.mul(centred, inverseStd);
    save([normalised, inverseStd, scale]);
    return {
      value: tf.add(tf.mul(normalised, scale), offset),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xHat, invStd, g] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        const outer = [...Array(last).keys()];
        const dxHat = tf.mul(dy, g);
        // dx = invStd · (dxHat − mean(dxHat) − xHat · mean(dxHat · xHat)), each mean over the axis.
        const dx = tf.mul(
          invStd,
          tf.sub(
            tf.sub(dxHat, tf.mean(dxHat, last, true)),
            tf.mul(xHat, tf.mean(tf.mul(dxHat, xHat), last, true)),
          ),
        );
        return [dx, tf.sum(tf.mul(dy, xHat), outer), tf.sum(dy, outer)];
      },
    };
  });
  return op(x, gamma, beta);
}
