import * as tf from '@tensorflow/tfjs';
import { fusedCall } from '../recurrent/fused-layers.js';
import type { LayerArgs } from './inputs.js';

type CellActivation = 'tanh' | 'relu' | 'sigmoid' | 'linear';

const activate: Record<CellActivation, (x: tf.Tensor) => tf.Tensor> = {
  tanh: tf.tanh,
  relu: tf.relu,
  sigmoid: tf.sigmoid,
  linear: (x) => x,
};

export type KerasGRUCellArgs = LayerArgs & { units: number; activation?: CellActivation };

/**
 * One step of Keras' default GRU (`reset_after=True`), which tfjs' GRUCell refuses: the reset gate
 * scales the recurrent candidate after its product, and the bias is `[input bias; recurrent bias]`.
 * Gates are ordered update, reset, candidate; gates use sigmoid, as in Keras 2+.
 */
export class KerasGRUCell extends tf.layers.Layer {
  static readonly className = 'StrataGRUCell';
  readonly units: number;
  readonly activation: CellActivation;
  /** Read by tfjs' RNN: one state of `units` values. */
  readonly stateSize: number;
  /** Read and cleared by tfjs' GRU machinery; this cell has no dropout. */
  dropoutMask!: tf.Tensor | tf.Tensor[];
  recurrentDropoutMask!: tf.Tensor | tf.Tensor[];
  /** Read by the fused sequence path too (recurrent/fused-layers.ts). */
  kernel?: tf.LayerVariable;
  recurrentKernel?: tf.LayerVariable;
  bias?: tf.LayerVariable;

  constructor(args: KerasGRUCellArgs) {
    super(args);
    this.units = args.units;
    this.stateSize = args.units;
    this.activation = args.activation ?? 'tanh';
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    const features = shape[shape.length - 1] ?? 0;
    const u = this.units;
    const add = (name: string, dims: number[], init: ReturnType<typeof tf.initializers.zeros>) =>
      this.addWeight(name, dims, 'float32', init);
    this.kernel = add('kernel', [features, 3 * u], tf.initializers.glorotUniform({}));
    this.recurrentKernel = add('recurrent_kernel', [u, 3 * u], tf.initializers.orthogonal({}));
    this.bias = add('bias', [2, 3 * u], tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [x, previous] = inputs as tf.Tensor2D[];
      const [inputBias, recurrentBias] = tf.unstack(this.bias!.read());
      const fromInput = tf.add(tf.matMul(x, this.kernel!.read() as tf.Tensor2D), inputBias);
      const fromState = tf.add(
        tf.matMul(previous, this.recurrentKernel!.read() as tf.Tensor2D),
        recurrentBias,
      );
      const [xz, xr, xh] = tf.split(fromInput, 3, -1);
      const [hz, hr, hh] = tf.split(fromState, 3, -1);
      const update = tf.sigmoid(tf.add(xz, hz));
      const reset = tf.sigmoid(tf.add(xr, hr));
      const candidate = activate[this.activation](tf.add(xh, tf.mul(reset, hh)));
      const next = tf.add(tf.mul(update, previous), tf.mul(tf.sub(1, update), candidate));
      return [next, next];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, activation: this.activation };
  }
}
tf.serialization.registerClass(KerasGRUCell);

export type KerasGRUArgs = KerasGRUCellArgs & {
  returnSequences?: boolean;
  goBackwards?: boolean;
};

/** A GRU layer with Keras' default cell, so its weights and count match Keras' `GRU(units)`. */
export class KerasGRU extends tf.RNN {
  static override readonly className = 'StrataGRU';

  constructor(args: KerasGRUArgs) {
    const { units, activation, name, ...rest } = args;
    const cell = new KerasGRUCell({ units, activation, name: name && `${name}_cell` });
    super({ ...rest, name, cell });
  }

  /** The whole sequence through the fused kernels where they apply, else step by step. */
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Parameters<tf.RNN['call']>[1]) {
    return fusedCall(this, 'gru', inputs, kwargs) ?? super.call(inputs, kwargs);
  }

  /** tfjs' RNN looks for a serialised cell; this layer rebuilds its own from the flat config. */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}
tf.serialization.registerClass(KerasGRU);
