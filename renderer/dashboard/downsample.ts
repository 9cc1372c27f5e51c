/** One point of a chart series. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): keeps `threshold` points of a long series
 * that still look like the whole line, peaks included, so charts of long runs stay fast while
 * the store keeps every point. First and last points are always kept.
 */
export function downsample(points: readonly Point[], threshold: number): Point[] {
  if (threshold >= points.length || threshold < 3) return [...points];
  const sampled: Point[] = [points[0]];
  const bucketSize = (points.length - 2) / (threshold - 2);
  let previous = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    // The average of the next bucket is the third corner of each candidate's triangle.
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, points.length);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += points[i].x;
      avgY += points[i].y;
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;

    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const a = points[previous];
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const area = Math.abs(
        (a.x - avgX) * (points[i].y - a.y) - (a.x - points[i].x) * (avgY - a.y),
      );
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    sampled.push(points[best]);
    previous = best;
  }
  sampled.push(points[points.length - 1]);
  return sampled;
}
