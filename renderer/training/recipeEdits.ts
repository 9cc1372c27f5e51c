import type { DatasetSchema } from '../../shared/datasets/catalogue.js';
import { analyzeModel } from '../../shared/graph/analyze.js';
import type { Recipe } from '../../shared/project/recipe.js';
import { trainableDatasets } from '../data/projectDatasets.js';
import type { ProjectDoc } from '../document/project.js';
import { editorStore } from '../store/editorStore.js';

/** Changes recipe fields as one labelled undo step; typing in one field merges into one step. */
export function editRecipe(label: string, patch: Partial<Recipe>, field = label): void {
  editorStore
    .getState()
    .commit(label, (doc) => (doc.recipe ? { ...doc, recipe: { ...doc.recipe, ...patch } } : doc), {
      mergeKey: `recipe.${field}`,
    });
}

/**
 * Why the recipe's dataset does not fit the model it trains (Input shape or dtype, loss against
 * target), in the analysis' own words; empty when it fits or the dataset is not a built-in one.
 */
export function datasetFitProblems(
  doc: ProjectDoc,
  datasets: readonly DatasetSchema[] = trainableDatasets(doc),
): string[] {
  const recipe = doc.recipe;
  if (!recipe || recipe.task === 'gan') return [];
  const model = doc.models.find((m) => m.id === recipe.model);
  const dataset = datasets.find((d) => d.id === recipe.dataset);
  if (!model || !dataset) return [];
  const { diagnostics } = analyzeModel(model, { blocks: doc.blocks, dataset });
  return diagnostics
    .filter((d) => d.code === 'dataset-mismatch' || d.code === 'loss-mismatch')
    .map((d) => `${d.message} ${d.hint}`);
}
