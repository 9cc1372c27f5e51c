import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../../services/datasets/dataset.js';

/** The batch's inputs and targets as tensors (copied: the batch arrays are reused). */
export function batchTensors(batch: Batch): { x: tf.Tensor; y: tf.Tensor } {
  return {
    x: tf.tensor(batch.x, batch.xShape, batch.x instanceof Int32Array ? 'int32' : 'float32'),
    y: tf.tensor(batch.y, batch.yShape, batch.y instanceof Int32Array ? 'int32' : 'float32'),
  };
}

/** Reads a scalar and frees it. */
export function readScalar(scalar: tf.Tensor): number {
  const value = scalar.dataSync()[0];
  scalar.dispose();
  return value;
}

/** The model's trainable variables, for `tf.variableGrads`. */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/**
 * Computes the loss and its gradients for `variables`, and applies them with `optimizer` only
 * when the loss is finite: a NaN or Inf step never reaches the weights. Gradients are scaled to
 * a global norm of at most `clipNorm` when it is positive.
 */
export function optimizerStep(
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  lossOf: () => tf.Scalar,
  clipNorm: number,
): number {
  const { value, grads } = tf.variableGrads(lossOf, variables);
  const loss = value.dataSync()[0];
  value.dispose();
  if (!Number.isFinite(loss)) {
    tf.dispose(grads);
    return loss;
  }
  const applied = clipNorm > 0 ? clipByGlobalNorm(grads, clipNorm) : grads;
  optimizer.applyGradients(applied);
  tf.dispose(grads);
  if (applied !== grads) tf.dispose(applied);
  return loss;
}

function clipByGlobalNorm(grads: tf.NamedTensorMap, clipNorm: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const squares = Object.values(grads).map((g) => tf.sum(tf.square(g)));
    const norm = Math.sqrt(tf.addN(squares).dataSync()[0]);
    const scale = norm > clipNorm ? clipNorm / norm : 1;
    return Object.fromEntries(Object.entries(grads).map(([name, g]) => [name, tf.mul(g, scale)]));
  });
}
