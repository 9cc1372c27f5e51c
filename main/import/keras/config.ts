import { ACTIVATIONS, type ActivationName } from '../../../shared/layers/activations.js';
import type { LayerKind } from '../../../shared/layers/catalogue.js';

/** A Keras layer config, snake_case keys as Keras and tfjs write them. */
export type KerasConfig = Record<string, unknown>;

/** What one Keras layer becomes in a Strata graph. */
export type Conversion =
  | {
      kind: LayerKind;
      params: Record<string, unknown>;
      warnings?: string[];
      /** The axis a normalisation works on, which must turn out to be the input's last. */
      lastAxis?: number;
    }
  /** Passes its input through (a linear Activation, an identity): its consumers are rewired. */
  | { identity: true }
  | { unsupported: string };

export type LayerConverter = (config: KerasConfig) => Conversion;

/** Keras' name for an activation mapped to Strata's, or undefined when Strata lacks it. */
export function activation(value: unknown): ActivationName | undefined {
  const name = value === null || value === undefined ? 'linear' : serialisedName(value);
  const aliases: Record<string, ActivationName> = { silu: 'swish', leakyrelu: 'leaky_relu' };
  const known = aliases[name] ?? name;
  return (ACTIVATIONS as readonly string[]).includes(known) ? (known as ActivationName) : undefined;
}

/** Keras 3 may write `{class_name, config: {name}}` where Keras 2 wrote a plain name. */
function serialisedName(value: unknown): string {
  if (typeof value === 'string') return value.toLowerCase();
  const record = value as { config?: { name?: unknown }; class_name?: unknown };
  const name = record?.config?.name ?? record?.class_name;
  return typeof name === 'string' ? name.toLowerCase() : String(value);
}

/** `3` or `[3]` or `[3, 3]` as the pair Strata's 2-D layers take. */
export function pair(value: unknown, fallback: number): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length >= 2) return [Number(value[0]), Number(value[1])];
  if (Array.isArray(value) && value.length === 1) return [Number(value[0]), Number(value[0])];
  return [fallback, fallback];
}

/** `3` or `[3]` as one number (1-D layers). */
export function single(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  return fallback;
}

/** Keras' padding/cropping forms (`1`, `[1, 2]`, `[[t, b], [l, r]]`) as `[t, b, l, r]`. */
export function edges(value: unknown): [number, number, number, number] {
  if (typeof value === 'number') return [value, value, value, value];
  if (Array.isArray(value) && Array.isArray(value[0]) && Array.isArray(value[1])) {
    const [[t, b], [l, r]] = value as [number[], number[]];
    return [t, b, l, r];
  }
  const [h, w] = pair(value, 0);
  return [h, h, w, w];
}

/**
 * Why options Strata cannot express are set, or undefined when each has its default (or is
 * absent). `accepted` lists the values that behave like Strata for each option.
 */
export function unexpressible(
  config: KerasConfig,
  accepted: Record<string, readonly unknown[]>,
): string | undefined {
  for (const [key, values] of Object.entries(accepted)) {
    const value = config[key];
    if (value === undefined || values.some((v) => sameValue(v, value))) continue;
    return `${key}=${JSON.stringify(value)} is not supported (Strata has ${values
      .filter((v) => v !== null)
      .map((v) => JSON.stringify(v))
      .join(' or ')})`;
  }
  return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The converted layer, or why its activation is one Strata lacks. */
export function withActivation(
  value: unknown,
  make: (activation: ActivationName) => Conversion,
): Conversion {
  const act = activation(value);
  return act
    ? make(act)
    : { unsupported: `activation "${serialisedName(value)}" has no Strata equivalent` };
}

/** `make()` when every option in `accepted` behaves like Strata, else why not. */
export function guarded(
  config: KerasConfig,
  accepted: Record<string, readonly unknown[]>,
  make: () => Conversion,
): Conversion {
  const reason = unexpressible(config, accepted);
  return reason ? { unsupported: reason } : make();
}
