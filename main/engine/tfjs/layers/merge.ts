import * as tf from '@tensorflow/tfjs';
import { single, type BuilderTable } from '../builder.js';
import { Subtract } from '../custom/subtract.js';

export const mergeBuilders: BuilderTable<
  'Add' | 'Subtract' | 'Multiply' | 'Average' | 'Concatenate'
> = {
  Add: (_, { name }) => single(tf.layers.add({ name })),
  Subtract: (_, { name }) => single(new Subtract({ name })),
  Multiply: (_, { name }) => single(tf.layers.multiply({ name })),
  Average: (_, { name }) => single(tf.layers.average({ name })),
  Concatenate: ({ axis }, { name }) => single(tf.layers.concatenate({ axis, name })),
};
