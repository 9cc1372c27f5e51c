/** The value below which a fraction `q` of the samples fall. */
export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

/** The middle sample. */
export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** Milliseconds as printed by the benchmarks. */
export const ms = (x: number) => x.toFixed(2);

/** Gaps between consecutive timestamps. */
export function intervals(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]);
}
