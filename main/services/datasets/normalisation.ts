import type { InputStats, Normalisation } from './dataset.js';
import type { ExampleSource } from './example-source.js';

/**
 * Min, max, mean and population standard deviation per channel (element of the last input axis)
 * over the given examples: per pixel channel for images, per feature for vectors.
 */
export function computeInputStats(
  source: ExampleSource,
  indices: Int32Array,
  channels: number,
): InputStats {
  const min = new Float64Array(channels).fill(Infinity);
  const max = new Float64Array(channels).fill(-Infinity);
  const sum = new Float64Array(channels);
  const sumSquares = new Float64Array(channels);
  const scratch = new Float32Array(source.inputSize);
  for (const index of indices) {
    source.readInput(index, scratch, 0);
    for (let i = 0; i < scratch.length; i++) {
      const c = i % channels;
      const v = scratch[i];
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
      sum[c] += v;
      sumSquares[c] += v * v;
    }
  }
  const perChannel = (indices.length * source.inputSize) / channels;
  const mean = new Float64Array(channels);
  const std = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    mean[c] = perChannel > 0 ? sum[c] / perChannel : 0;
    const variance = perChannel > 0 ? sumSquares[c] / perChannel - mean[c] * mean[c] : 0;
    std[c] = Math.sqrt(Math.max(0, variance));
  }
  return { channels, min, max, mean, std };
}

/** Rescales `count` elements of `x` in place; a constant channel maps to 0 rather than NaN. */
export function normaliseInPlace(
  x: Float32Array,
  count: number,
  stats: InputStats,
  mode: Normalisation,
): void {
  if (mode === 'none') return;
  const { channels } = stats;
  const shift = new Float64Array(channels);
  const scale = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    const spread = mode === 'scale' ? stats.max[c] - stats.min[c] : stats.std[c];
    shift[c] = mode === 'scale' ? stats.min[c] : stats.mean[c];
    scale[c] = spread > 0 ? 1 / spread : 0;
  }
  for (let i = 0; i < count; i++) {
    const c = i % channels;
    x[i] = (x[i] - shift[c]) * scale[c];
  }
}
