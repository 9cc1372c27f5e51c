import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Point } from './downsample.js';
import { GrowingThinner, LiveLine, LiveLines } from './liveSeries.js';
import type { BatchPoint } from './runState.js';
import { ema } from './smoothing.js';

const batch = (step: number, loss: number, accuracy?: number): BatchPoint => ({
  epoch: 1,
  step,
  loss,
  metrics: accuracy === undefined ? {} : { accuracy },
  learningRate: 0.01,
  samplesPerSecond: 100,
});

/** Cuts `length` items into consecutive pieces of the given sizes (the rest in a last piece). */
function cuts(length: number, sizes: number[]): [number, number][] {
  const pieces: [number, number][] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= length) break;
    pieces.push([at, Math.min(length, at + size)]);
    at += size;
  }
  if (at < length) pieces.push([at, length]);
  return pieces;
}

describe('GrowingThinner', () => {
  it('draws a growing series within the limit, first and last points included, in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.array(fc.integer({ min: 1, max: 3_000 }), { maxLength: 30 }),
        fc.integer({ min: 3, max: 500 }),
        (length, sizes, max) => {
          const series: Point[] = Array.from({ length }, (_, x) => ({ x, y: Math.sin(x / 7) }));
          const thinner = new GrowingThinner(max);
          return cuts(length, sizes).every(([, end]) => {
            const shown = series.slice(0, end);
            const drawn = thinner.update(shown);
            // At most one bucket's worth of fresh points beyond the last full thinning.
            const bound = end <= max ? end : max + Math.ceil(end / max) + 1;
            return (
              drawn.length <= bound &&
              drawn[0] === shown[0] &&
              drawn.at(-1) === shown.at(-1) &&
              drawn.every((p, i) => i === 0 || p.x > drawn[i - 1].x) &&
              drawn.every((p) => shown[p.x] === p)
            );
          });
        },
      ),
    );
  });

  it('keeps a lone spike of a long series', () => {
    const thinner = new GrowingThinner(1000);
    const series: Point[] = [];
    let drawn: Point[] = [];
    for (let x = 0; x < 50_000; x++) {
      series.push({ x, y: x === 12_345 ? 100 : Math.cos(x / 40) });
      if (x % 200 === 0) drawn = thinner.update(series);
    }
    expect(drawn.some((p) => p.y === 100)).toBe(true);
  });
});

describe('LiveLine', () => {
  it('fed in any pieces, holds every point of the figure and the smoothing of the whole run', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: undefined }), {
          maxLength: 300,
        }),
        fc.array(fc.integer({ min: 1, max: 50 })),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (accuracies, sizes, smoothing) => {
          const batches = accuracies.map((a, i) => batch(i + 1, 1, a));
          const line = new LiveLine((b) => b.metrics.accuracy, smoothing, 10_000);
          for (const [, end] of cuts(batches.length, sizes)) line.update(batches.slice(0, end));
          const view = line.update(batches);
          const kept = batches.filter((b) => b.metrics.accuracy !== undefined);
          const ys = kept.map((b) => b.metrics.accuracy!);
          expect(view.raw).toEqual(kept.map((b, i) => ({ x: b.step, y: ys[i] })));
          expect(view.smoothed.map((p) => p.y)).toEqual(ema(ys, smoothing));
          expect(view.smoothed.map((p) => p.x)).toEqual(kept.map((b) => b.step));
        },
      ),
    );
  });

  it('gives the same view back when no batch was added, and starts over on another run', () => {
    const line = new LiveLine((b) => b.loss, 0, 1000);
    const first = [batch(1, 3), batch(2, 2)];
    const view = line.update(first);
    expect(line.update([...first])).toBe(view);
    // A reloaded log: equal numbers, new objects; the line is rebuilt, not extended.
    const reloaded = [batch(1, 5), batch(2, 4), batch(3, 3)];
    expect(line.update(reloaded).raw.map((p) => p.y)).toEqual([5, 4, 3]);
  });
});

describe('LiveLines', () => {
  it('keeps a line between updates and drops those no longer drawn', () => {
    const lines = new LiveLines(1000);
    const loss = (b: BatchPoint) => b.loss;
    const batches = [batch(1, 3)];
    const view = lines.line('r1', 'loss', loss, 0, batches);
    lines.prune();
    expect(lines.line('r1', 'loss', loss, 0, batches)).toBe(view);
    lines.prune();
    lines.prune();
    expect(lines.line('r1', 'loss', loss, 0, batches)).not.toBe(view);
  });
});
