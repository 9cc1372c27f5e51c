import * as tf from '@tensorflow/tfjs';
import {
  RECURRENT_BACKWARD,
  RECURRENT_FORWARD,
  registerRecurrentKernels,
  type CellActivation,
  type CellKind,
  type RecurrentAttrs,
} from './sequence-kernels.js';

/** How a recurrent layer runs over its sequence. */
export interface RecurrenceOptions {
  cell: CellKind;
  activation: CellActivation;
  goBackwards: boolean;
  returnSequences: boolean;
}

/** Whether the current backend has the fused kernels (cpu and wasm do). */
export function fusedRecurrenceAvailable(): boolean {
  registerRecurrentKernels();
  return tf.getKernel(RECURRENT_FORWARD, tf.getBackend()) !== undefined;
}

/**
 * A recurrent layer over x [B,T,F] with Keras' weights: kernel [F,G·U], recurrentKernel
 * [U,G·U], bias [G·U] (GRU: [2,G·U], input and recurrent biases). Answers the last output [B,U],
 * or every step's [B,T,U] (in the order processed, as tfjs' rnn() does when going backwards).
 * One input projection for all steps, the recurrence in one kernel each way, and the weight
 * gradients as single products over every step.
 */
export function fusedRecurrence(
  x: tf.Tensor,
  kernel: tf.Tensor,
  recurrentKernel: tf.Tensor,
  bias: tf.Tensor,
  options: RecurrenceOptions,
): tf.Tensor {
  registerRecurrentKernels();
  const [B, T, F] = x.shape as [number, number, number];
  const [U, G] = recurrentKernel.shape as [number, number];
  const gru = options.cell === 'gru';
  const attrs: RecurrentAttrs = {
    cell: options.cell,
    units: U,
    activation: options.activation,
    returnSequences: options.returnSequences,
  };
  const attrMap = attrs as unknown as tf.NamedAttrMap;
  const run = tf.customGrad((...args) => {
    const [input, k, rk, b, save] = args as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.GradSaveFunc,
    ];
    const xs = options.goBackwards ? tf.reverse(input, 1) : input;
    const [inputBias, recurrentBias] = gru ? tf.unstack(b) : [b, undefined];
    const flat = tf.reshape(xs, [B * T, F]);
    const projection = tf.reshape(tf.add(tf.matMul(flat, k), inputBias!), [B, T, G]);
    const inputs: tf.NamedTensorMap = { projection, recurrentKernel: rk };
    if (recurrentBias) inputs.recurrentBias = recurrentBias;
    const [states, cache] = tf
      .engine()
      .runKernel(RECURRENT_FORWARD, inputs, attrMap) as tf.Tensor[];
    const value = options.returnSequences
      ? tf.transpose(tf.slice(states!, [1, 0, 0], [T, B, U]), [1, 0, 2])
      : tf.reshape(tf.slice(states!, [T, 0, 0], [1, B, U]), [B, U]);
    save([flat, k, states!, cache!, rk]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [flatX, kernelValue, statesValue, cacheValue, recurrent] = saved as tf.Tensor[];
        const [dInput, dRecurrent] = tf
          .engine()
          .runKernel(
            RECURRENT_BACKWARD,
            { dy, states: statesValue!, cache: cacheValue!, recurrentKernel: recurrent! },
            attrMap,
          ) as tf.Tensor[];
        const dProjection = tf.reshape(dInput!, [B * T, G]);
        const dStep = tf.reshape(dRecurrent!, [T * B, G]);
        const previous = tf.reshape(tf.slice(statesValue!, [0, 0, 0], [T, B, U]), [T * B, U]);
        const dInputBias = tf.sum(dProjection, 0);
        const dx = tf.reshape(tf.matMul(dProjection, kernelValue!, false, true), [B, T, F]);
        return [
          options.goBackwards ? tf.reverse(dx, 1) : dx,
          tf.matMul(flatX!, dProjection, true, false),
          tf.matMul(previous, dStep, true, false),
          gru ? tf.stack([dInputBias, tf.sum(dStep, 0)]) : dInputBias,
        ];
      },
    };
  });
  return run(x, kernel, recurrentKernel, bias);
}
