import { builtInDatasets, type DatasetSchema } from '../../../shared/datasets/catalogue.js';
import { analyzeModel } from '../../../shared/graph/analyze.js';
import type { ModelGraph } from '../../../shared/graph/document.js';
import type { Task } from '../../../shared/project/recipe.js';
import { recipeSchema } from '../../../shared/project/recipe.js';
import { CURRENT_FORMAT_VERSION, type Project } from '../../../shared/project/schema.js';

/**
 * A new project around an imported graph. The recipe is a guess from the graph's ends: a
 * built-in dataset whose examples fit the input, preferring targets that suit the output (its own
 * shape: reconstruction; cross-entropy: classes or next tokens), and the task that dataset trains.
 */
export function importedProject(
  graph: ModelGraph,
  source: string,
): { project: Project; datasetFits: boolean } {
  const input = graph.nodes.find((n) => n.kind === 'Input');
  const output = graph.nodes.find((n) => n.kind === 'Output');
  const shape = JSON.stringify(input?.params.shape);
  const tokens = input?.params.dtype === 'int32';
  const classifies = String(output?.params.loss ?? 'sparse_categorical_crossentropy').endsWith(
    'crossentropy',
  );
  // An output shaped like the input reconstructs it (an autoencoder), whatever its loss.
  const shapes = analyzeModel(graph).nodes;
  const reconstructs =
    input !== undefined &&
    output !== undefined &&
    JSON.stringify(shapes.get(output.id)?.shape) === JSON.stringify(shapes.get(input.id)?.shape);
  const wanted: DatasetSchema['target']['kind'][] = reconstructs
    ? ['input']
    : classifies
      ? ['classes', 'next-token']
      : ['values'];
  const suits = (d: DatasetSchema) => wanted.includes(d.target.kind);
  const fits = builtInDatasets.filter(
    (d) => JSON.stringify(d.inputShape) === shape && (d.inputDtype === 'int32') === tokens,
  );
  const dataset = fits.find(suits) ?? fits[0];
  const task: Task = dataset
    ? taskFor(dataset, tokens)
    : classifies
      ? 'classification'
      : 'regression';
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

function taskFor(dataset: DatasetSchema, tokens: boolean): Task {
  switch (dataset.target.kind) {
    case 'classes':
      return tokens ? 'sequence-classification' : 'classification';
    case 'next-token':
      return 'language-model';
    case 'input':
      return 'autoencoder';
    case 'values':
      return 'regression';
  }
}
