import type { ActivationName } from '../../../shared/layers/activations.js';
import type { LayerKind, ParamsOf } from '../../../shared/layers/catalogue.js';
import type { EmitContext, Unsupported } from '../pytorch/layer.js';
import { kwargs } from '../pytorch/python.js';
import type { KerasHelper } from './prelude.js';

/** How one node becomes a tf.keras layer. */
export interface KerasLayer {
  /** The layer's constructor and its arguments, the name left out: `layers.Dense(128, …`. */
  layer: string;
  args: string;
  /** The call's arguments when not the plain `(x)` / `([a, b])`. */
  call?: (inputs: string[]) => string;
  /** LeakyReLU, which Keras 2 has no activation name for, as a layer after this one. */
  leakyAlpha?: number;
  helpers?: KerasHelper[];
}

export type KerasEmitter<K extends LayerKind> = (
  params: ParamsOf<K>,
  ctx: EmitContext,
) => KerasLayer | Unsupported;

/** One emitter (or a standing refusal) per kind; the full table covers every {@link LayerKind}. */
export type KerasTable<K extends LayerKind> = { [P in K]: KerasEmitter<P> | Unsupported };

/** A layer with a fused activation: Keras' name, or linear plus a LeakyReLU layer after. */
export function activated(
  layer: string,
  args: Record<string, unknown>,
  activation: ActivationName,
  alpha = 0.3,
): KerasLayer {
  const leaky = activation === 'leaky_relu';
  return {
    layer,
    args: kwargs({ ...args, activation: leaky ? 'linear' : activation }),
    ...(leaky ? { leakyAlpha: alpha } : {}),
  };
}

/** A layer with keyword arguments. */
export const plain = (layer: string, args: Record<string, unknown> = {}): KerasLayer => ({
  layer,
  args: kwargs(args),
});
