import type { Inspection, PixelImage } from '../../../shared/api/inspection.js';

/** Feature maps shown per node: enough to see what the layer picks out, few enough to send. */
export const MAX_FEATURE_MAPS = 32;
const BINS = 24;

/** Min, max, mean, the share of exact zeros and a histogram of equal-width bins. */
export function histogramOf(values: ArrayLike<number>, bins = BINS): Inspection['histogram'] {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    if (v === 0) zeros += 1;
  }
  if (values.length === 0) return { edges: [], counts: [], min: 0, max: 0, mean: 0, zeros: 0 };
  const width = (max - min) / bins || 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    counts[Math.min(bins - 1, Math.floor((values[i] - min) / width))] += 1;
  }
  return { edges, counts, min, max, mean: sum / values.length, zeros: zeros / values.length };
}

/**
 * The first channels of an `[height, width, channels]` activation as grayscale images, each
 * stretched to 0–255 on its own range (a constant map is drawn mid-grey).
 */
export function featureMaps(
  values: ArrayLike<number>,
  [height, width, channels]: readonly number[],
  limit = MAX_FEATURE_MAPS,
): PixelImage[] {
  const maps: PixelImage[] = [];
  for (let c = 0; c < Math.min(channels, limit); c++) {
    let low = Infinity;
    let high = -Infinity;
    for (let p = 0; p < height * width; p++) {
      const v = values[p * channels + c];
      if (v < low) low = v;
      if (v > high) high = v;
    }
    const span = high - low;
    const data = Array.from({ length: height * width }, (_, p) =>
      span > 0 ? Math.round(((values[p * channels + c] - low) / span) * 255) : 128,
    );
    maps.push({ width, height, channels: 1, data });
  }
  return maps;
}
