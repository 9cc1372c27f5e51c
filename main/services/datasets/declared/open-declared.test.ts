import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeclaredDataset } from '../../../../shared/project/datasets.js';
import { describeIssue, type Batch } from '../dataset.js';
import { idxBytes, useTempFolder } from '../import/fixtures.test-util.js';
import { openDeclaredDataset } from './open-declared.js';
import { summarize } from './summary.js';

const tempFolder = useTempFolder();

/** n 4×4 images whose pixels all equal label · 20, and their labels (cycling from `first`). */
async function writeIdxPair(dir: string, prefix: string, n: number, first = 0) {
  const labels = Uint8Array.from({ length: n }, (_, i) => (first + i) % 10);
  const pixels = new Uint8Array(n * 16);
  labels.forEach((label, i) => pixels.fill(label * 20, i * 16, (i + 1) * 16));
  await mkdir(join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'data', `${prefix}-images.idx`), idxBytes(0x08, [n, 4, 4], pixels));
  await writeFile(join(dir, 'data', `${prefix}-labels.idx`), idxBytes(0x08, [n], labels));
}

const digits: DeclaredDataset = {
  id: 'digits',
  kind: 'idx',
  files: { images: 'data/train-images.idx', labels: 'data/train-labels.idx' },
  test: { images: 'data/t10k-images.idx', labels: 'data/t10k-labels.idx' },
  options: {},
};

const firstBatch = (batches: Generator<Batch>) => {
  const b = batches.next().value as Batch;
  return { x: Array.from(b.x), y: Array.from(b.y) };
};

describe('opening a declared dataset', () => {
  it('reads files relative to the project file, with the test pair as the test split', async () => {
    const dir = await tempFolder();
    await writeIdxPair(dir, 'train', 40);
    await writeIdxPair(dir, 't10k', 10, 3);
    const opened = await openDeclaredDataset(join(dir, 'p.strata'), digits, {
      split: { validation: 0.25 },
    });
    if (!opened.ok) throw new Error(opened.errors[0].message);
    const { dataset } = opened;
    expect(dataset.schema).toMatchObject({ id: 'digits', inputShape: [4, 4, 1] });
    expect([dataset.size('train'), dataset.size('validation'), dataset.size('test')]).toEqual([
      30, 10, 10,
    ]);
    const test = firstBatch(dataset.batches('test', { batchSize: 10 }));
    expect(test.y).toEqual([3, 4, 5, 6, 7, 8, 9, 0, 1, 2]);
    test.y.forEach((label, n) => expect(test.x[n * 16]).toBe(label * 20));
    expect(summarize(dataset)).toEqual({
      inputShape: [4, 4, 1],
      inputDtype: 'float32',
      target: { kind: 'classes', classes: 10 },
      examples: 40,
      testExamples: 10,
    });
  });

  it('keeps working when the project folder is moved', async () => {
    const dir = await tempFolder();
    await writeIdxPair(join(dir, 'before'), 'train', 20);
    await writeIdxPair(join(dir, 'before'), 't10k', 5);
    await cp(join(dir, 'before'), join(dir, 'after'), { recursive: true });
    const opened = await openDeclaredDataset(join(dir, 'after', 'p.strata'), digits);
    expect(opened.ok).toBe(true);
  });

  it('names each missing file with the path it looked at', async () => {
    const dir = await tempFolder();
    await writeIdxPair(dir, 'train', 20);
    const opened = await openDeclaredDataset(join(dir, 'p.strata'), digits);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.errors.map(describeIssue)).toEqual([
      `${join(dir, 'data', 't10k-images.idx')}: dataset "digits" test.images "data/t10k-images.idx" is missing; put the file back or re-add the dataset with its new path`,
      `${join(dir, 'data', 't10k-labels.idx')}: dataset "digits" test.labels "data/t10k-labels.idx" is missing; put the file back or re-add the dataset with its new path`,
    ]);
  });

  it('opens from the decoded cache the second time, with the same examples, until a file changes', async () => {
    const dir = await tempFolder();
    await writeIdxPair(dir, 'train', 30);
    await writeIdxPair(dir, 't10k', 6, 1);
    const project = join(dir, 'p.strata');
    const cacheDir = join(dir, 'p.runs', '.datasets');
    const first = await openDeclaredDataset(project, digits, { cacheDir });
    const second = await openDeclaredDataset(project, digits, { cacheDir });
    if (!first.ok || !second.ok) throw new Error('did not open');
    expect([first.cached, second.cached]).toEqual([false, true]);
    for (const split of ['train', 'validation', 'test'] as const) {
      const options = { batchSize: 64, shuffle: true, seed: 3 };
      expect(firstBatch(second.dataset.batches(split, options))).toEqual(
        firstBatch(first.dataset.batches(split, options)),
      );
    }
    expect(summarize(second.dataset)).toEqual(summarize(first.dataset));
    await writeIdxPair(dir, 't10k', 8, 1);
    const third = await openDeclaredDataset(project, digits, { cacheDir });
    expect(third.ok && [third.cached, third.dataset.size('test')]).toEqual([false, 8]);
  });

  it('matches a CSV test file to the training classes by name', async () => {
    const dir = await tempFolder();
    await writeFile(join(dir, 'train.csv'), 'x,kind\n1,cat\n2,dog\n3,cat\n4,dog\n');
    await writeFile(join(dir, 'test.csv'), 'x,kind\n5,dog\n6,dog\n');
    const declared: DeclaredDataset = {
      id: 'pets',
      kind: 'csv',
      files: { file: 'train.csv' },
      test: { file: 'test.csv' },
      options: { target: 'kind' },
    };
    const opened = await openDeclaredDataset(join(dir, 'p.strata'), declared);
    if (!opened.ok) throw new Error(opened.errors[0].message);
    const test = firstBatch(opened.dataset.batches('test', { batchSize: 2 }));
    expect(test).toEqual({ x: [5, 6], y: [1, 1] });
  });

  it('refuses a test file with a class the training data lacks, naming the file', async () => {
    const dir = await tempFolder();
    await writeFile(join(dir, 'train.csv'), 'x,kind\n1,cat\n2,dog\n');
    await writeFile(join(dir, 'test.csv'), 'x,kind\n5,bird\n');
    const declared: DeclaredDataset = {
      id: 'pets',
      kind: 'csv',
      files: { file: 'train.csv' },
      test: { file: 'test.csv' },
      options: { target: 'kind' },
    };
    const opened = await openDeclaredDataset(join(dir, 'p.strata'), declared);
    expect(opened).toMatchObject({
      ok: false,
      errors: [
        {
          message:
            'the test set has class "bird", which the training data lacks (classes: cat, dog)',
          location: { file: join(dir, 'test.csv') },
        },
      ],
    });
  });
});
