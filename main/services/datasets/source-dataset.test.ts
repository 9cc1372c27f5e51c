import { describe, expect, it } from 'vitest';
import type { DatasetSchema } from '../../../shared/datasets/catalogue.js';
import type { Batch } from './dataset.js';
import { createDataset } from './source-dataset.js';
import { tableSource } from './table-source.js';

const imageSchema: DatasetSchema = {
  id: 'test-images',
  label: 'test',
  docs: '',
  inputShape: [4, 5, 2],
  inputDtype: 'float32',
  target: { kind: 'classes', classes: 3 },
  source: 'synthetic',
};

/** 50 images whose pixel (n, r, c, k) is n + 10r + 100c + 1000k, labels n mod 3. */
function imageDataset(options = {}) {
  const size = 4 * 5 * 2;
  const pixels = new Float32Array(50 * size);
  for (let n = 0; n < 50; n++)
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 5; c++)
        for (let k = 0; k < 2; k++)
          pixels[n * size + (r * 5 + c) * 2 + k] = n + 10 * r + 100 * c + 1000 * k;
  const labels = Int32Array.from({ length: 50 }, (_, n) => n % 3);
  return {
    pixels,
    dataset: createDataset(
      imageSchema,
      tableSource(pixels, size, { kind: 'classes', labels }),
      options,
    ),
  };
}

/** The first input element of each example in the stream identifies it (= n). */
function exampleOrder(batches: Iterable<Batch>): number[] {
  const order: number[] = [];
  for (const b of batches)
    for (let n = 0; n < b.size; n++) order.push(b.x[(n * b.x.length) / b.size]);
  return order;
}

describe('splits', () => {
  it('are disjoint, cover every example and follow the seed', () => {
    const a = imageDataset({ seed: 7 }).dataset;
    const all = [...a.indices('train'), ...a.indices('validation'), ...a.indices('test')];
    expect(new Set(all).size).toBe(50);
    expect(a.size('test')).toBe(5);
    expect(a.size('validation')).toBe(5);
    const again = imageDataset({ seed: 7 }).dataset;
    expect([...again.indices('test')]).toEqual([...a.indices('test')]);
    const other = imageDataset({ seed: 8 }).dataset;
    expect([...other.indices('test')]).not.toEqual([...a.indices('test')]);
  });
});

describe('batches', () => {
  it('stream a split in batches of the asked size with a smaller last one', () => {
    const { dataset } = imageDataset();
    // Copy while iterating: each batch's arrays are reused by the next.
    const batches = Array.from(dataset.batches('train', { batchSize: 16 }), (b) => ({
      ...b,
      x: b.x.slice(),
    }));
    expect(batches.map((b) => b.size)).toEqual([16, 16, 8]);
    expect(batches[2].xShape).toEqual([8, 4, 5, 2]);
    expect(batches[2].x.length).toBe(8 * 40);
    expect(exampleOrder(batches)).toEqual([...dataset.indices('train')]);
  });

  it('shuffle per epoch, reproducibly from the seed', () => {
    const { dataset } = imageDataset();
    const order = (seed: number, epoch: number) =>
      exampleOrder(dataset.batches('train', { batchSize: 7, shuffle: true, seed, epoch }));
    expect(order(1, 0)).toEqual(order(1, 0));
    expect(order(1, 1)).not.toEqual(order(1, 0));
    expect(order(2, 0)).not.toEqual(order(1, 0));
    expect([...order(1, 1)].sort((a, b) => a - b)).toEqual([...dataset.indices('train')]);
  });

  it('reuse one pair of buffers for every batch of a stream', () => {
    const { dataset } = imageDataset();
    const buffers = new Set<ArrayBufferLike>();
    for (const b of dataset.batches('train', { batchSize: 8, shuffle: true, targets: 'one-hot' })) {
      buffers.add(b.x.buffer);
      buffers.add(b.y.buffer);
    }
    expect(buffers.size).toBe(2);
  });

  it('give sparse labels as int32 and one-hot rows as float32', () => {
    const { dataset } = imageDataset();
    const sparse = dataset.batches('test', { batchSize: 5 }).next().value as Batch;
    const oneHot = dataset.batches('test', { batchSize: 5, targets: 'one-hot' }).next()
      .value as Batch;
    expect(sparse.y).toBeInstanceOf(Int32Array);
    expect(oneHot.y).toBeInstanceOf(Float32Array);
    expect(oneHot.yShape).toEqual([5, 3]);
    const tests = [...dataset.indices('test')];
    tests.forEach((n, i) => {
      expect(sparse.y[i]).toBe(n % 3);
      expect(Array.from(oneHot.y.subarray(i * 3, i * 3 + 3))).toEqual(
        [0, 1, 2].map((c) => (c === n % 3 ? 1 : 0)),
      );
    });
  });
});

describe('normalisation', () => {
  it('takes per-channel statistics from the train split only', () => {
    const { dataset, pixels } = imageDataset();
    const stats = dataset.inputStats();
    for (const k of [0, 1]) {
      const values: number[] = [];
      for (const n of dataset.indices('train'))
        for (let p = 0; p < 20; p++) values.push(pixels[n * 40 + p * 2 + k]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      expect(stats.mean[k]).toBeCloseTo(mean, 6);
      expect(stats.std[k]).toBeCloseTo(std, 6);
      expect(stats.min[k]).toBe(Math.min(...values));
      expect(stats.max[k]).toBe(Math.max(...values));
    }
  });

  it('standardises train inputs to mean 0 and deviation 1 and scales them into [0, 1]', () => {
    const { dataset } = imageDataset();
    const all = (normalise: 'scale' | 'standardise') => {
      const out: number[] = [];
      for (const b of dataset.batches('train', { batchSize: 9, normalise })) out.push(...b.x);
      return out;
    };
    const standard = all('standardise');
    const mean = standard.reduce((a, b) => a + b, 0) / standard.length;
    expect(mean).toBeCloseTo(0, 4);
    expect(Math.sqrt(standard.reduce((a, b) => a + b * b, 0) / standard.length)).toBeCloseTo(1, 4);
    const scaled = all('scale');
    expect(Math.min(...scaled)).toBeCloseTo(0, 6);
    expect(Math.max(...scaled)).toBeCloseTo(1, 6);
  });
});

describe('augmentation', () => {
  it('keeps the shape, changes pixels and is reproducible', () => {
    const { dataset } = imageDataset();
    const plain = [...dataset.batches('train', { batchSize: 40 })][0].x.slice();
    const run = () => {
      const b = dataset
        .batches('train', { batchSize: 40, seed: 3, augment: { flip: true, shift: 1, rotate: 10 } })
        .next().value as Batch;
      return { shape: b.xShape, x: b.x.slice() };
    };
    const first = run();
    expect(first.shape).toEqual([40, 4, 5, 2]);
    expect(first.x.length).toBe(plain.length);
    expect(first.x.some((v, i) => Math.abs(v - plain[i]) > 1e-3)).toBe(true);
    expect(run().x).toEqual(first.x);
  });

  it('flips alone mirror each image or leave it as it was', () => {
    const { dataset, pixels } = imageDataset();
    const b = dataset.batches('train', { batchSize: 40, augment: { flip: true } }).next()
      .value as Batch;
    const train = [...dataset.indices('train')];
    let mirrored = 0;
    train.forEach((n, i) => {
      const got = Array.from(b.x.subarray(i * 40, (i + 1) * 40));
      const original = Array.from(pixels.subarray(n * 40, (n + 1) * 40));
      const mirror = original.map((_, at) => {
        const k = at % 2;
        const c = Math.floor(at / 2) % 5;
        const r = Math.floor(at / 10);
        return original[(r * 5 + (4 - c)) * 2 + k];
      });
      if (got.every((v, j) => v === mirror[j])) mirrored++;
      else expect(got).toEqual(original);
    });
    expect(mirrored).toBeGreaterThan(5);
    expect(mirrored).toBeLessThan(train.length - 5);
  });
});
