import * as tf from '@tensorflow/tfjs';
import { fusedRecurrence, fusedRecurrenceAvailable } from './fused-sequence.js';
import type { CellActivation, CellKind } from './sequence-kernels.js';

/** What the fused path reads from a recurrent cell: Keras' weights and its activations. */
export interface FusableCell {
  kernel?: tf.LayerVariable;
  recurrentKernel?: tf.LayerVariable;
  bias?: tf.LayerVariable | null;
  /** tfjs cells hold an Activation object; Strata's GRU cell its name. */
  activation: string | { getClassName(): string };
  recurrentActivation?: { getClassName(): string };
  dropout?: number;
  recurrentDropout?: number;
}

/** The keyword arguments tfjs passes to a layer's call. */
type Kwargs = Parameters<tf.RNN['call']>[1];

const fusable = new Set<string>(['tanh', 'sigmoid', 'relu', 'linear']);
const nameOf = (a: FusableCell['activation']) => (typeof a === 'string' ? a : a.getClassName());

/**
 * The layer's output through the fused sequence kernels, or undefined where they do not apply
 * (another backend, masks, initial or kept states, dropout, other gate activations): the caller
 * then takes tfjs' own step-by-step path, which computes the same thing.
 */
export function fusedCall(
  layer: tf.RNN,
  cell: CellKind,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Kwargs,
): tf.Tensor | undefined {
  const x = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0] : undefined) : inputs;
  const c = layer.cell as unknown as FusableCell;
  const activation = nameOf(c.activation);
  if (
    x === undefined ||
    x.rank !== 3 ||
    x.dtype !== 'float32' ||
    layer.stateful ||
    layer.returnState ||
    kwargs?.mask != null ||
    kwargs?.initialState != null ||
    !c.kernel ||
    !c.recurrentKernel ||
    !c.bias ||
    (c.dropout ?? 0) > 0 ||
    (c.recurrentDropout ?? 0) > 0 ||
    !fusable.has(activation) ||
    (c.recurrentActivation && c.recurrentActivation.getClassName() !== 'sigmoid') ||
    !fusedRecurrenceAvailable()
  ) {
    return undefined;
  }
  const { kernel, recurrentKernel, bias } = c;
  return tf.tidy(() =>
    fusedRecurrence(x, kernel.read(), recurrentKernel.read(), bias.read(), {
      cell,
      activation: activation as CellActivation,
      goBackwards: layer.goBackwards,
      returnSequences: layer.returnSequences,
    }),
  );
}

/** tfjs' own layer classes, from its serialisation registry (the factories would make one). */
const stock = <Args>(name: string) =>
  tf.serialization.SerializationMap.getMap().classNameMap[name]![0] as unknown as new (
    args: Args,
  ) => tf.RNN;

/**
 * tfjs' LSTM with the fused path. It keeps tfjs' class name, weights and config, and is
 * registered in its place, so a saved model, a Bidirectional's backward copy and every
 * exporter see an ordinary LSTM.
 */
export class FusedLSTM extends stock<tf.LSTMLayerArgs>('LSTM') {
  static readonly className = 'LSTM';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return fusedCall(this, 'lstm', inputs, kwargs) ?? super.call(inputs, kwargs);
  }
}

/** tfjs' SimpleRNN with the fused path, registered in its place like FusedLSTM. */
export class FusedSimpleRNN extends stock<tf.SimpleRNNLayerArgs>('SimpleRNN') {
  static readonly className = 'SimpleRNN';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    return fusedCall(this, 'rnn', inputs, kwargs) ?? super.call(inputs, kwargs);
  }
}

// fromConfig is tfjs' own, inherited: `new cls(config)`.
type Registrable = tf.serialization.SerializableConstructor<tf.serialization.Serializable>;
tf.serialization.SerializationMap.register(FusedLSTM as unknown as Registrable);
tf.serialization.SerializationMap.register(FusedSimpleRNN as unknown as Registrable);
