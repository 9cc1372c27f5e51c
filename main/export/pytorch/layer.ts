import type * as tf from '@tensorflow/tfjs';
import type { ActivationName } from '../../../shared/layers/activations.js';
import type { LayerKind, ParamsOf } from '../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../shared/layers/shape.js';
import type { EmitContext, Unsupported } from '../emit.js';
import type { Helper } from './prelude.js';

export { isUnsupported, type EmitContext, type Unsupported } from '../emit.js';

/** How one node becomes PyTorch code and state. */
export interface TorchLayer {
  /** Constructor expression of the node's submodule (`nn.Linear(784, 128)`); none when stateless. */
  module?: string;
  /** Helpers of the generated file the code uses. */
  helpers?: Helper[];
  /** The node's output as a Python expression of its inputs' variables and `self.<node>`. */
  forward: (inputs: string[], self: string) => string;
  /**
   * State-dict entries, keyed relative to the submodule, from the tfjs layer's weights in the
   * order tfjs holds them (Keras' order). Tensors it returns are disposed by the caller.
   */
  state?: (weights: tf.Tensor[]) => [key: string, value: tf.Tensor][];
}

export type TorchEmitter<K extends LayerKind> = (
  params: ParamsOf<K>,
  ctx: EmitContext,
) => TorchLayer | Unsupported;

/** One emitter (or a standing refusal) per kind; the full table covers every {@link LayerKind}. */
export type TorchTable<K extends LayerKind> = { [P in K]: TorchEmitter<P> | Unsupported };

/** `expr` with a Keras activation applied, as torch code. */
export function activate(name: ActivationName, expr: string, alpha = 0.3): string {
  switch (name) {
    case 'linear':
      return expr;
    case 'relu':
    case 'elu':
    case 'selu':
    case 'gelu':
      return `F.${name}(${expr})`;
    case 'sigmoid':
    case 'tanh':
      return `torch.${name}(${expr})`;
    case 'softmax':
      return `F.softmax(${expr}, dim=-1)`;
    case 'swish':
      return `F.silu(${expr})`;
    case 'leaky_relu':
      return `F.leaky_relu(${expr}, ${alpha})`;
  }
}

/** The feature (last) size of a shape the catalogue has checked to be known. */
export function features(shape: TensorShape): number {
  const size = shape[shape.length - 1];
  if (size === null || size === undefined) throw new Error('the feature size is unknown');
  return size;
}
