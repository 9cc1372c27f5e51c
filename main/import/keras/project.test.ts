import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../../../shared/project/analyze.js';
import { templates } from '../../../shared/templates/index.js';
import { importedProject } from './project.js';

/** The templates' own recipes are the answer key: each was chosen by hand for its model. */
const trained = templates
  .filter((t) => t.project.recipe.task !== 'gan')
  .map((t) => [t.name, t.project] as const);

describe('the recipe of an imported project', () => {
  it.each(trained)('guesses the task and dataset %s was made for', (_, project) => {
    const graph = project.models.find((m) => m.id === project.recipe.model)!;
    const { project: imported, datasetFits } = importedProject(graph, 'model.json');
    expect(datasetFits).toBe(true);
    expect(imported.recipe).toMatchObject({
      task: project.recipe.task,
      dataset: project.recipe.dataset,
      model: graph.id,
    });
    const errors = analyzeProject(imported).flatMap(({ analysis }) =>
      analysis.diagnostics.filter((d) => d.severity === 'error'),
    );
    expect(errors).toEqual([]);
  });

  it('says when no built-in dataset fits the input', () => {
    const gan = templates.find((t) => t.project.recipe.task === 'gan')!.project;
    const generator = gan.models.find((m) => m.id === gan.recipe.model)!;
    expect(importedProject(generator, 'g.json').datasetFits).toBe(false);
  });
});
