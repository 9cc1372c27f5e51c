import * as tf from '@tensorflow/tfjs';
import type { LayerKind } from '../../../shared/layers/catalogue.js';
import { activate, features, type TorchTable } from './layer.js';
import { sequenceEmitters } from './sequence.js';
import { spatialEmitters } from './spatial.js';

const merge = (operator: string) => (inputs: string[]) => `(${inputs.join(` ${operator} `)})`;

/** The PyTorch emitter of every catalogue kind: a kind missing here is a compile error. */
export const torchEmitters: TorchTable<LayerKind> = {
  // Inputs are the forward's arguments and Outputs its results; the module writer handles both.
  Input: () => ({ forward: () => '' }),
  Output: () => ({ forward: ([x]) => x }),
  Dense: (p, { inputs: [x] }) => ({
    module: `nn.Linear(${features(x)}, ${p.units}, bias=${p.useBias ? 'True' : 'False'})`,
    forward: ([x], self) => activate(p.activation, `${self}(${x})`),
    state: ([kernel, bias]) => [
      ['weight', tf.transpose(kernel)],
      ...(bias ? [['bias', bias.clone()] as [string, tf.Tensor]] : []),
    ],
  }),
  Activation: ({ fn, alpha }) => ({ forward: ([x]) => activate(fn, x, alpha) }),
  Dropout: ({ rate }) => ({
    module: `nn.Dropout(${rate})`,
    forward: ([x], self) => `${self}(${x})`,
  }),
  ...spatialEmitters,
  ...sequenceEmitters,
  Add: () => ({ forward: merge('+') }),
  Subtract: () => ({ forward: merge('-') }),
  Multiply: () => ({ forward: merge('*') }),
  Average: () => ({ forward: (inputs) => `${merge('+')(inputs)} / ${inputs.length}` }),
  // Tensors stay channels-last, so Keras' axis (batch = 0, negative from the end) is torch's dim.
  Concatenate: ({ axis }) => ({
    forward: (inputs) => `torch.cat([${inputs.join(', ')}], dim=${axis})`,
  }),
};
