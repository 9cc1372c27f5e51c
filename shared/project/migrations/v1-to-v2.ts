import { builtInDatasets, type DatasetSchema } from '../../datasets/catalogue.js';
import type { MigrationStep, RawDocument } from '../migrations.js';
import type { Task } from '../recipe.js';

/** The single model of a version-1 file becomes this model. */
export const V1_MODEL_ID = 'model';

const isObject = (value: unknown): value is RawDocument =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Version 1 had no task; it follows from what the dataset asks the model to predict. */
function taskFor(dataset: DatasetSchema | undefined): Task {
  switch (dataset?.target.kind) {
    case 'values':
      return 'regression';
    case 'next-token':
      return 'language-model';
    case 'input':
      return 'autoencoder';
    default:
      return dataset?.inputDtype === 'int32' ? 'sequence-classification' : 'classification';
  }
}

/** Version 1 files without a dataset get the built-in one whose examples fit the Input node. */
function datasetFor(training: RawDocument, nodes: unknown): string {
  if (typeof training.dataset === 'string') return training.dataset;
  const input = Array.isArray(nodes)
    ? nodes.find((n) => isObject(n) && n.kind === 'Input')
    : undefined;
  const shape = isObject(input) && isObject(input.params) ? input.params.shape : undefined;
  const fits = builtInDatasets.find((d) => JSON.stringify(d.inputShape) === JSON.stringify(shape));
  return fits?.id ?? 'mnist';
}

/**
 * Version 1 held one graph and optional flat training settings; version 2 holds several models,
 * reusable blocks and a recipe naming the model and dataset it trains.
 */
export const v1ToV2: MigrationStep = {
  from: 1,
  describe: 'single graph → models, blocks and a recipe',
  up(doc) {
    const { graph, training: rawTraining, ...rest } = doc;
    const body = isObject(graph) ? graph : {};
    const training = isObject(rawTraining) ? rawTraining : {};
    const dataset = datasetFor(training, body.nodes);
    const name = typeof doc.name === 'string' ? doc.name : 'Untitled';
    return {
      ...rest,
      models: [{ id: V1_MODEL_ID, name, nodes: body.nodes, edges: body.edges ?? [] }],
      blocks: [],
      recipe: {
        task: taskFor(builtInDatasets.find((d) => d.id === dataset)),
        model: V1_MODEL_ID,
        dataset,
        optimizer: {
          name: training.optimizer ?? 'adam',
          learningRate: training.learningRate ?? 0.001,
        },
        batchSize: training.batchSize ?? 32,
        epochs: training.epochs ?? 10,
        validationSplit: training.validationSplit ?? 0.1,
      },
    };
  },
};
