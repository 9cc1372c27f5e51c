import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../shared/templates/index.js';
import { readProject } from '../document/project.js';
import { datasetFitProblems } from './recipeEdits.js';

const cnn = () => readProject(JSON.parse(JSON.stringify(findTemplate('mnist-cnn')!.project)));

describe('datasetFitProblems', () => {
  it('finds nothing wrong with a template on its own dataset', () => {
    expect(datasetFitProblems(cnn())).toEqual([]);
  });

  it('names the Input shape against the dataset example shape when they differ', () => {
    const doc = cnn();
    doc.recipe = { ...doc.recipe!, dataset: 'mnist-flat' };
    const problems = datasetFitProblems(doc);
    expect(problems.some((p) => p.includes('28×28×1') && p.includes('784'))).toBe(true);
  });
});
