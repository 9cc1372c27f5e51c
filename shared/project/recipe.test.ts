import { describe, expect, it } from 'vitest';
import { findTemplate } from '../templates/index.js';
import { loadProject } from './load.js';
import { serializeProject } from './serialize.js';

describe('the recipe keeps the run settings that belong to the project', () => {
  const project = findTemplate('mlp-mnist')!.project;

  it('saves and reopens batches per epoch and the backend', () => {
    const recipe = { ...project.recipe, batchesPerEpoch: 20, backend: 'wasm' };
    const loaded = loadProject(serializeProject({ ...project, recipe }));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.repairs).toEqual([]);
    expect(loaded.project.recipe).toMatchObject({ batchesPerEpoch: 20, backend: 'wasm' });
  });

  it('leaves them out of a project that never chose them: whole epochs, the best backend', () => {
    const loaded = loadProject(serializeProject(project));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.project.recipe.batchesPerEpoch).toBeUndefined();
    expect(loaded.project.recipe.backend).toBeUndefined();
  });

  it('refuses a batches-per-epoch that is not a positive whole number, naming the field', () => {
    const text = serializeProject({
      ...project,
      recipe: { ...project.recipe, batchesPerEpoch: 0 },
    });
    const loaded = loadProject(text);
    const problems = loaded.ok ? loaded.repairs : loaded.errors;
    expect(problems.map((p) => p.path).join()).toContain('recipe.batchesPerEpoch');
  });
});
