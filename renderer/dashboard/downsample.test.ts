import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsample, type Point } from './downsample.js';

const line = (n: number, y: (i: number) => number): Point[] =>
  Array.from({ length: n }, (_, i) => ({ x: i, y: y(i) }));

describe('downsample (LTTB)', () => {
  it('returns short series unchanged', () => {
    const points = line(10, (i) => i * i);
    expect(downsample(points, 1000)).toEqual(points);
  });

  it('keeps exactly the threshold, first and last included, in x order, all from the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
          minLength: 5,
          maxLength: 3000,
        }),
        fc.integer({ min: 3, max: 200 }),
        (ys, threshold) => {
          const points = ys.map((y, x) => ({ x, y }));
          const out = downsample(points, threshold);
          const expected = Math.min(threshold, points.length);
          const ordered = out.every((p, i) => i === 0 || p.x > out[i - 1].x);
          return (
            out.length === expected &&
            out[0] === points[0] &&
            out.at(-1) === points.at(-1) &&
            ordered &&
            out.every((p) => points[p.x] === p)
          );
        },
      ),
    );
  });

  it('keeps a lone spike that averaging would flatten', () => {
    const points = line(10_000, (i) => (i === 5_432 ? 100 : Math.sin(i / 50)));
    const out = downsample(points, 1000);
    expect(out).toHaveLength(1000);
    expect(out.some((p) => p.y === 100)).toBe(true);
  });
});
