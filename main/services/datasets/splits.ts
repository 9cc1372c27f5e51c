import type { Split } from './dataset.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';

/** How examples are divided; fractions are of the whole set (or of the non-test part). */
export interface SplitOptions {
  seed?: number;
  validation?: number;
  test?: number;
}

export const defaultSplit = { seed: 0, validation: 0.1, test: 0.1 };

/**
 * Seeded, disjoint train/validation/test indices, each ascending.
 * A preset test range (a set's official test part) is kept as the test split and validation is
 * drawn from the rest.
 */
export function splitIndices(
  count: number,
  options: SplitOptions = {},
  presetTest?: { from: number; to: number },
): Record<Split, Int32Array> {
  const seed = options.seed ?? defaultSplit.seed;
  const validationFraction = options.validation ?? defaultSplit.validation;
  const testFraction = options.test ?? defaultSplit.test;
  const pool: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < count; i++) {
    if (presetTest && i >= presetTest.from && i < presetTest.to) test.push(i);
    else pool.push(i);
  }
  const order = shuffleInPlace(Int32Array.from(pool), seededRandom(seed));
  const testCount = presetTest ? 0 : Math.round(count * testFraction);
  const validationCount = Math.round((presetTest ? order.length : count) * validationFraction);
  const sorted = (a: Int32Array) => a.sort();
  return {
    test: presetTest ? Int32Array.from(test) : sorted(order.slice(0, testCount)),
    validation: sorted(order.slice(testCount, testCount + validationCount)),
    train: sorted(order.slice(testCount + validationCount)),
  };
}
