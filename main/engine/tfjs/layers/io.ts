import * as tf from '@tensorflow/tfjs';
import type { BuilderTable } from '../builder.js';

export const ioBuilders: BuilderTable<'Input' | 'Output'> = {
  Input:
    ({ shape, dtype }, { name }) =>
    () =>
      tf.input({ shape: [...shape], dtype, name }),
  Output: () => (inputs) => inputs[0],
};
