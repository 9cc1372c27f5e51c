import { describe, expect, it } from 'vitest';
import { declaredDatasetSchema } from '../datasets.js';
import { v2ToV3 } from './v2-to-v3.js';

const v2 = (dataset: unknown) => ({
  formatVersion: 2,
  name: 'x',
  models: [],
  blocks: [],
  recipe: { task: 'classification', model: 'm', dataset },
});

describe('v2 → v3', () => {
  it('gives a project that trains on a built-in set an empty list of datasets', () => {
    const doc = v2ToV3.up(v2('mnist'));
    expect(doc.datasets).toEqual([]);
    expect(doc.recipe).toEqual(v2('mnist').recipe);
  });

  it('declares the downloadable set a version-2 recipe named, under the same id', () => {
    const doc = v2ToV3.up(v2('cifar-10'));
    expect(doc.datasets).toEqual([
      { id: 'cifar-10', kind: 'download', files: {}, options: { set: 'cifar-10' } },
    ]);
    const [declared] = doc.datasets as unknown[];
    expect(declaredDatasetSchema.safeParse(declared).success).toBe(true);
  });

  it('does not throw on a document without a recipe; the loader reports it', () => {
    expect(v2ToV3.up({ formatVersion: 2, recipe: 'nonsense' }).datasets).toEqual([]);
  });
});
