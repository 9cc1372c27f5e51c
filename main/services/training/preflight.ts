import { builtInDatasets } from '../../../shared/datasets/catalogue.js';
import { analyzeProject } from '../../../shared/project/analyze.js';
import { isBuiltInDataset } from '../../../shared/project/datasets.js';
import type { Project } from '../../../shared/project/schema.js';

/**
 * What stops `project` from training on `dataset` (a built-in or declared id), one sentence
 * each; none when it can. Checked before a run folder is made or a trainer starts, against the
 * dataset the run will use: a `--dataset` other than the recipe's included.
 */
export function trainingProblems(project: Project, dataset: string): string[] {
  const declared = project.datasets?.some((d) => d.id === dataset) ?? false;
  if (!declared && !isBuiltInDataset(dataset)) {
    const ids = [...builtInDatasets.map((d) => d.id), ...(project.datasets ?? []).map((d) => d.id)];
    return [`No such dataset "${dataset}". The project can train on: ${ids.join(', ')}.`];
  }
  const checked = { ...project, recipe: { ...project.recipe, dataset } };
  return analyzeProject(checked).flatMap(({ model, analysis }) =>
    analysis.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${model.name}: ${d.message} ${d.hint}`),
  );
}
