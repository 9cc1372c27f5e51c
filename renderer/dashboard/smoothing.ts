/**
 * Exponential moving average as TensorBoard draws it: `weight` is how much of the previous
 * smoothed value carries over (0: raw, 0.99: very smooth), debiased so that the first points
 * are not pulled toward zero. Non-finite values pass through and do not disturb the average.
 */
export function ema(values: readonly number[], weight: number): number[] {
  let last = 0;
  let debias = 0;
  return values.map((value) => {
    if (!Number.isFinite(value)) return value;
    last = last * weight + (1 - weight) * value;
    debias = debias * weight + (1 - weight);
    return debias === 0 ? value : last / debias;
  });
}
