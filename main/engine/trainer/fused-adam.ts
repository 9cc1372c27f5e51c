import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, KernelConfig, TensorInfo } from '@tensorflow/tfjs';

// tfjs' Adam runs about twelve elementwise ops per variable per step (and the tape, allocation
// and dispatch of each): for a small model that is most of a training step on wasm. This is the
// same update as one pass per variable, computing the new value and both moments together.

export const ADAM_UPDATE = 'StrataAdamUpdate';
const BACKENDS = ['cpu', 'wasm'] as const;

export interface AdamUpdateAttrs {
  beta1: number;
  beta2: number;
  learningRate: number;
  epsilon: number;
  /** 1 − β₁ᵗ and 1 − β₂ᵗ: the bias corrections of this step. */
  correction1: number;
  correction2: number;
}

/** Float32 arrays of one backend, read and written in place. */
function access(backend: KernelBackend, backendName: string) {
  const heap = backend as unknown as {
    makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
    typedArrayFromHeap(info: TensorInfo): Float32Array;
  };
  const wasm = backendName === 'wasm';
  return {
    make: (shape: number[]): TensorInfo =>
      wasm
        ? heap.makeOutput(shape, 'float32')
        : {
            dataId: backend.write(
              new Float32Array(shape.reduce((a, b) => a * b, 1)),
              shape,
              'float32',
            ),
            shape,
            dtype: 'float32',
          },
    view: (info: TensorInfo): Float32Array =>
      wasm ? heap.typedArrayFromHeap(info) : (backend.readSync(info.dataId) as Float32Array),
  };
}

function adamConfig(backendName: string): KernelConfig {
  return {
    kernelName: ADAM_UPDATE,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { value, gradient, m, v } = inputs as Record<string, TensorInfo>;
      const a = attrs as unknown as AdamUpdateAttrs;
      const memory = access(backend as KernelBackend, backendName);
      const outs = [value!, m!, v!].map((t) => memory.make([...t.shape]));
      // Views after every allocation: growing wasm's heap detaches older ones.
      const [newValue, newM, newV] = outs.map(memory.view) as [
        Float32Array,
        Float32Array,
        Float32Array,
      ];
      const [x, g, m0, v0] = [value!, gradient!, m!, v!].map(memory.view) as Float32Array[];
      const { beta1, beta2, epsilon, correction1, correction2 } = a;
      const step = -a.learningRate;
      for (let i = 0; i < newValue.length; i++) {
        const grad = g![i]!;
        const first = m0![i]! * beta1 + grad * (1 - beta1);
        const second = v0![i]! * beta2 + grad * grad * (1 - beta2);
        newM[i] = first;
        newV[i] = second;
        newValue[i] =
          x![i]! + step * (first / correction1 / (Math.sqrt(second / correction2) + epsilon));
      }
      return outs;
    },
  };
}

/** Registers the update for cpu and wasm, once. */
function registerAdamUpdate(): void {
  for (const backendName of BACKENDS) {
    if (tf.getKernel(ADAM_UPDATE, backendName) === undefined) {
      tf.registerKernel(adamConfig(backendName));
    }
  }
}

/** Whether the current backend has the fused update. */
export function fusedAdamAvailable(): boolean {
  registerAdamUpdate();
  return tf.getKernel(ADAM_UPDATE, tf.getBackend()) !== undefined;
}

/** The state tfjs' AdamOptimizer keeps (private in its types), which checkpoints save. */
interface AdamState {
  beta1: number;
  beta2: number;
  epsilon: number;
  learningRate: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
}

type Gradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

/**
 * tfjs' AdamOptimizer.applyGradients with one fused kernel per variable, on the optimizer's own
 * state (moments, β powers), so that saving, restoring and resuming see no difference. The
 * caller increments the iteration count, as tfjs does after its update.
 */
export function fusedAdamStep(optimizer: tf.AdamOptimizer, gradients: Gradients): void {
  const state = optimizer as unknown as AdamState;
  const names = Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
  tf.tidy(() => {
    const attrs: AdamUpdateAttrs = {
      beta1: state.beta1,
      beta2: state.beta2,
      learningRate: state.learningRate,
      epsilon: state.epsilon,
      correction1: 1 - state.accBeta1.dataSync()[0]!,
      correction2: 1 - state.accBeta2.dataSync()[0]!,
    };
    names.forEach((name, i) => {
      const value = tf.engine().registeredVariables[name]!;
      const moment = (originalName: string) => ({
        originalName,
        variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
      });
      state.accumulatedFirstMoment[i] ??= moment(`${name}/m`);
      state.accumulatedSecondMoment[i] ??= moment(`${name}/v`);
      const gradient = Array.isArray(gradients) ? gradients[i]?.tensor : gradients[name];
      if (gradient == null) return;
      const m = state.accumulatedFirstMoment[i].variable;
      const v = state.accumulatedSecondMoment[i].variable;
      const [newValue, newM, newV] = tf
        .engine()
        .runKernel(
          ADAM_UPDATE,
          { value, gradient, m, v },
          attrs as unknown as tf.NamedAttrMap,
        ) as tf.Tensor[];
      m.assign(newM!);
      v.assign(newV!);
      value.assign(newValue!);
    });
    state.accBeta1.assign(tf.mul(state.accBeta1, state.beta1));
    state.accBeta2.assign(tf.mul(state.accBeta2, state.beta2));
  });
}
