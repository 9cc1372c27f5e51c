import * as tf from '@tensorflow/tfjs';

/**
 * The gradient of `FusedBatchNorm` (tf.batchNorm) with the same terms as tfjs-core's, but with
 * the per-channel factor broadcast instead of tiled: tfjs-core tiles `rsqrt(variance)` to the
 * input's full shape for dx (a third of a ResNet step on wasm) and only handles rank-4 inputs
 * when it does. Mean and variance are inputs of the op; their gradients flow on to `moments`.
 */
export const fusedBatchNormGradient: tf.GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const dyTensor = dy as tf.Tensor;
    const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor?];
    const epsilon = (attrs as { varianceEpsilon: number }).varianceEpsilon;
    const factor = scale ?? tf.scalar(1);
    // Axes along which a statistic was broadcast: those its gradient sums over.
    const reduced = reductionAxes(mean.shape, x.shape);
    const toStatShape = (t: tf.Tensor) =>
      tf.reshape(reduced.length > 0 ? tf.sum(t, reduced) : t, mean.shape);
    const inverseStd = tf.rsqrt(tf.add(variance, epsilon));
    const centred = tf.sub(x, mean);
    const dyScaled = tf.mul(dyTensor, factor);
    return {
      x: () => tf.mul(dyScaled, inverseStd),
      mean: () => toStatShape(tf.neg(tf.mul(dyScaled, inverseStd))),
      variance: () =>
        toStatShape(tf.mul(tf.mul(dyScaled, centred), tf.mul(tf.pow(inverseStd, 3), -0.5))),
      scale: () => toStatShape(tf.mul(dyTensor, tf.mul(centred, inverseStd))),
      offset: () => toStatShape(dyTensor),
    };
  },
};

/** The axes of `full` that a tensor of `part`'s shape is broadcast along. */
function reductionAxes(part: readonly number[], full: readonly number[]): number[] {
  const offset = full.length - part.length;
  return full.flatMap((size, axis) => {
    const own = axis - offset;
    return own < 0 || (part[own] === 1 && size !== 1) ? [axis] : [];
  });
}
