import { describe, expect, it } from 'vitest';
import type { DeclaredDataset } from '../../shared/project/datasets.js';
import { blankProject } from '../document/project.js';
import { docDatasets, trainableDatasets, withDataset, withoutDataset } from './projectDatasets.js';

const digits: DeclaredDataset = {
  id: 'digits',
  kind: 'idx',
  files: { images: 'a.idx', labels: 'b.idx' },
  options: {},
  summary: {
    inputShape: [8, 8, 1],
    inputDtype: 'float32',
    target: { kind: 'classes', classes: 3 },
    examples: 90,
  },
};

describe('datasets in the editor document', () => {
  it('adds a dataset, trains on it, and offers its real shape to the model check', () => {
    const doc = withDataset(blankProject(), digits, true);
    expect(docDatasets(doc)).toEqual([digits]);
    expect(doc.recipe?.dataset).toBe('digits');
    expect(trainableDatasets(doc)[0]).toMatchObject({ id: 'digits', inputShape: [8, 8, 1] });
  });

  it('replaces a dataset of the same id and removes one', () => {
    const twice = withDataset(
      withDataset(blankProject(), digits, false),
      { ...digits, name: 'B' },
      false,
    );
    expect(docDatasets(twice).map((d) => d.name)).toEqual(['B']);
    expect(twice.recipe?.dataset).toBe('mnist');
    expect(docDatasets(withoutDataset(twice, 'digits'))).toEqual([]);
  });
});
