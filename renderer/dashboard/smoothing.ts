/** Where an exponential moving average stands after the values it has seen. */
export interface EmaState {
  last: number;
  debias: number;
}

/** The state of an average that has seen nothing yet. */
export const freshEma = (): EmaState => ({ last: 0, debias: 0 });

/**
 * Continues an `ema` from `state` over more values (updating `state`), so a live line is
 * smoothed point by point rather than from its start on every update.
 */
export function emaExtend(state: EmaState, values: readonly number[], weight: number): number[] {
  return values.map((value) => {
    if (!Number.isFinite(value)) return value;
    state.last = state.last * weight + (1 - weight) * value;
    state.debias = state.debias * weight + (1 - weight);
    return state.debias === 0 ? value : state.last / state.debias;
  });
}

/**
 * Exponential moving average as TensorBoard draws it: `weight` is how much of the previous
 * smoothed value carries over (0: raw, 0.99: very smooth), debiased so that the first points
 * are not pulled toward zero. Non-finite values pass through and do not disturb the average.
 */
export function ema(values: readonly number[], weight: number): number[] {
  return emaExtend(freshEma(), values, weight);
}
