import { builtInDatasets, type DatasetSchema } from '../../../shared/datasets/catalogue.js';
import type { ModelGraph } from '../../../shared/graph/document.js';
import type { Task } from '../../../shared/project/recipe.js';
import { recipeSchema } from '../../../shared/project/recipe.js';
import { CURRENT_FORMAT_VERSION, type Project } from '../../../shared/project/schema.js';

/**
 * A new project around an imported graph. The recipe is a guess from the graph's ends: a
 * cross-entropy output classifies (token inputs: sequences), anything else regresses; the
 * dataset is a built-in one whose examples fit the input, when there is one.
 */
export function importedProject(
  graph: ModelGraph,
  source: string,
): { project: Project; datasetFits: boolean } {
  const input = graph.nodes.find((n) => n.kind === 'Input');
  const output = graph.nodes.find((n) => n.kind === 'Output');
  const shape = JSON.stringify(input?.params.shape);
  const tokens = input?.params.dtype === 'int32';
  const loss = String(output?.params.loss ?? 'sparse_categorical_crossentropy');
  const task: Task = loss.endsWith('crossentropy')
    ? tokens
      ? 'sequence-classification'
      : 'classification'
    : 'regression';
  const target: DatasetSchema['target']['kind'] = task === 'regression' ? 'values' : 'classes';
  const fits = builtInDatasets.filter(
    (d) => JSON.stringify(d.inputShape) === shape && (d.inputDtype === 'int32') === tokens,
  );
  const dataset = fits.find((d) => d.target.kind === target) ?? fits[0];
  return {
    project: {
      formatVersion: CURRENT_FORMAT_VERSION,
      name: graph.name,
      models: [graph],
      blocks: [],
      recipe: recipeSchema.parse({
        task,
        model: graph.id,
        dataset: dataset?.id ?? (tokens ? 'toy-sequences' : 'mnist'),
      }),
      metadata: { description: `Imported from ${source}.` },
    },
    datasetFits: dataset !== undefined,
  };
}
