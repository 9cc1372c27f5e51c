import * as tf from '@tensorflow/tfjs';
import type { RecurrentKind } from '../../../../shared/layers/recurrent.js';
import { tfjsActivation } from '../activation.js';
import { chain, type BuilderTable } from '../builder.js';
import { KerasGRU } from '../custom/gru.js';
import { FusedLSTM, FusedSimpleRNN } from '../recurrent/fused-layers.js';

interface RecurrentOptions {
  units: number;
  activation: 'tanh' | 'relu' | 'sigmoid' | 'linear';
  returnSequences: boolean;
  resetAfter?: boolean;
  /** LSTM only: the gates' function (tfjs' hard sigmoid is Keras 2's 0.2x + 0.5, clipped). */
  recurrentActivation?: 'sigmoid' | 'hard_sigmoid';
  name: string;
}

/**
 * The tfjs layer for one recurrent kind with Keras' defaults: sigmoid gates (tfjs defaults to
 * hard sigmoid) and, for GRU, Keras' `reset_after` cell that tfjs lacks.
 */
function recurrentLayer(
  kind: RecurrentKind,
  { resetAfter = true, recurrentActivation = 'sigmoid', ...o }: RecurrentOptions,
): tf.RNN {
  switch (kind) {
    case 'SimpleRNN':
      return new FusedSimpleRNN(o);
    case 'LSTM':
      // The fused kernels take sigmoid gates; hard sigmoid runs tfjs' own cell.
      return new FusedLSTM({
        ...o,
        recurrentActivation: recurrentActivation === 'hard_sigmoid' ? 'hardSigmoid' : 'sigmoid',
      });
    case 'GRU':
      // tfjs' own GRU is the reset-before variant; Keras' default needs the custom cell.
      return resetAfter ? new KerasGRU(o) : tf.layers.gru({ ...o, recurrentActivation: 'sigmoid' });
  }
}

export const recurrentBuilders: BuilderTable<
  'SimpleRNN' | 'LSTM' | 'GRU' | 'Bidirectional' | 'TimeDistributed'
> = {
  SimpleRNN: (p, { name }) => chain(recurrentLayer('SimpleRNN', { ...p, name })),
  LSTM: (p, { name }) => chain(recurrentLayer('LSTM', { ...p, name })),
  GRU: (p, { name }) => chain(recurrentLayer('GRU', { ...p, name })),
  Bidirectional: ({ layer, units, returnSequences, mergeMode }, { name }) => {
    const inner = recurrentLayer(layer, {
      units,
      activation: 'tanh',
      returnSequences,
      name: `${name}_${layer.toLowerCase()}`,
    });
    return chain(tf.layers.bidirectional({ layer: inner, mergeMode, name }));
  },
  TimeDistributed: ({ units, activation }, { name }) => {
    const act = tfjsActivation(activation, name);
    const dense = tf.layers.dense({ units, activation: act.activation, name: `${name}_dense` });
    const perStep = tf.layers.timeDistributed({ layer: dense, name });
    return act.after ? chain(perStep, act.after) : chain(perStep);
  },
};
