import * as tf from '@tensorflow/tfjs';
import { tfjsActivation } from '../activation.js';
import { chain, type BuilderTable } from '../builder.js';

export const coreBuilders: BuilderTable<'Dense' | 'Activation' | 'Dropout'> = {
  Dense: ({ units, activation, useBias }, { name }) => {
    const act = tfjsActivation(activation, name);
    const dense = tf.layers.dense({ units, useBias, activation: act.activation, name });
    return act.after ? chain(dense, act.after) : chain(dense);
  },
  Activation: ({ fn, alpha }, { name }) => {
    const act = tfjsActivation(fn, name, alpha);
    return chain(act.after ?? tf.layers.activation({ activation: act.activation, name }));
  },
  Dropout: ({ rate }, { name }) => chain(tf.layers.dropout({ rate, name })),
};
