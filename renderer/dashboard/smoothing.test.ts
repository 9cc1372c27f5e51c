import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ema, emaExtend, freshEma } from './smoothing.js';

describe('ema', () => {
  it('leaves values alone with weight 0', () => {
    expect(ema([3, 1, 4, 1, 5], 0)).toEqual([3, 1, 4, 1, 5]);
  });

  it('starts at the first value (debiased) and follows the recurrence after', () => {
    // By hand: s1 = 0.5·10 / 0.5 = 10; s2 = (0.5·5 + 0.5·20) / 0.75 = 12.5/0.75.
    const [first, second] = ema([10, 20], 0.5);
    expect(first).toBeCloseTo(10);
    expect(second).toBeCloseTo(12.5 / 0.75);
  });

  it('keeps a constant series constant, and stays within the range of the data', () => {
    expect(ema([2, 2, 2, 2], 0.9)).toEqual([2, 2, 2, 2].map(() => expect.closeTo(2)));
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (values, weight) => {
          const low = Math.min(...values) - 1e-6;
          const high = Math.max(...values) + 1e-6;
          return ema(values, weight).every((v) => v >= low && v <= high);
        },
      ),
    );
  });

  it('passes NaN through without poisoning later points', () => {
    const out = ema([1, Number.NaN, 1], 0.6);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1);
  });

  it('continued in pieces, smooths exactly as over the whole series at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3 }), { minLength: 1 }),
        fc.nat(),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (values, cut, weight) => {
          const at = cut % (values.length + 1);
          const state = freshEma();
          const pieces = [
            ...emaExtend(state, values.slice(0, at), weight),
            ...emaExtend(state, values.slice(at), weight),
          ];
          expect(pieces).toEqual(ema(values, weight));
        },
      ),
    );
  });
});
