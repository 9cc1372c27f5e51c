import { builtInDatasets, type DatasetSchema } from '../../../shared/datasets/catalogue.js';
import { analyzeModel } from '../../../shared/graph/analyze.js';
import { hasErrors } from '../../../shared/graph/diagnostics.js';
import type { LossName } from '../../../shared/layers/io.js';
import { analyzeProject } from '../../../shared/project/analyze.js';
import type { ModelGraph } from '../../../shared/graph/document.js';
import type { Task } from '../../../shared/project/recipe.js';
import { recipeSchema } from '../../../shared/project/recipe.js';
import { CURRENT_FORMAT_VERSION, type Project } from '../../../shared/project/schema.js';

/** The recipe's dataset of an imported project that no built-in dataset fits. */
export const NO_DATASET_YET = 'your-data';

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
  const project: Project = {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: graph.name,
    models: [graph],
    blocks: [],
    recipe: recipeSchema.parse({
      task,
      model: graph.id,
      // No built-in set fits: the project has no dataset yet (validate warns until one is added).
      dataset: dataset?.id ?? NO_DATASET_YET,
    }),
    metadata: { description: `Imported from ${source}.` },
  };
  if (!dataset) return { project, datasetFits: false };
  // A file that carries no loss (ONNX) gets the first one the dataset can score.
  const fitting =
    output?.params.loss === undefined ? withFittingLoss(project, output?.id) : project;
  if (fitting) return { project: fitting, datasetFits: true };
  return {
    project: { ...project, recipe: { ...project.recipe, dataset: NO_DATASET_YET } },
    datasetFits: false,
  };
}

/** Losses to try on an Output that names none, the usual ones first. */
const LOSS_ORDER: readonly LossName[] = [
  'sparse_categorical_crossentropy',
  'binary_crossentropy',
  'mean_squared_error',
  'categorical_crossentropy',
];

/** The project with the first loss its recipe dataset accepts on its Output, or undefined. */
function withFittingLoss(project: Project, outputId: string | undefined): Project | undefined {
  const valid = (p: Project) =>
    analyzeProject(p).every(({ analysis }) => !hasErrors(analysis.diagnostics));
  if (valid(project)) return project;
  if (outputId === undefined) return undefined;
  for (const loss of LOSS_ORDER) {
    const [graph] = project.models;
    const nodes = graph.nodes.map((n) =>
      n.id === outputId ? { ...n, params: { ...n.params, loss } } : n,
    );
    const tried = { ...project, models: [{ ...graph, nodes }] };
    if (valid(tried)) return tried;
  }
  return undefined;
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
