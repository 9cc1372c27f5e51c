import { join } from 'node:path';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { ModelGraph } from '../../../shared/graph/document.js';
import { recipeSchema, type Recipe } from '../../../shared/project/recipe.js';
import { CURRENT_FORMAT_VERSION, type Project } from '../../../shared/project/schema.js';
import { sketch } from '../../../shared/templates/sketch.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { RunControl } from '../../engine/trainer/control.js';
import { runJob } from '../../engine/trainer/job.js';
import { createRun } from '../runs/runs.js';

/**
 * Test support: tiny models trained for a few batches with the cpu backend, saved as real runs
 * beside a project file, for the inspection and export tests.
 */

/** A convnet small enough to train in seconds on the cpu backend: conv → pool → dense. */
export function tinyConvnet(): ModelGraph {
  const g = sketch();
  g.chain(
    g.add('Input', { shape: [28, 28, 1] }),
    ['Conv2D', { filters: 6, kernelSize: [3, 3], padding: 'valid', activation: 'relu' }],
    ['MaxPool2D', { poolSize: [2, 2] }],
    ['Flatten', {}],
    ['Dense', { units: 10, activation: 'softmax' }],
    ['Output', { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] }],
  );
  return g.done('cnn', 'Tiny CNN');
}

/** A one-attention character model: causal self-attention, then a causal encoder block. */
export function tinyTransformer(): ModelGraph {
  const g = sketch();
  g.chain(
    g.add('Input', { shape: [64], dtype: 'int32' }),
    ['Embedding', { inputDim: 96, outputDim: 16 }],
    ['PositionEmbedding', { maxLength: 64 }],
    ['MultiHeadAttention', { numHeads: 2, keyDim: 8, causal: true }],
    ['TransformerEncoderBlock', { numHeads: 2, keyDim: 8, ffDim: 32, dropout: 0, causal: true }],
    ['Dense', { units: 96, activation: 'softmax' }],
    ['Output', { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] }],
  );
  return g.done('gpt', 'Tiny GPT');
}

/** A project of one model and a recipe. */
export function projectOf(
  model: ModelGraph,
  recipe: Pick<Recipe, 'task' | 'dataset'> & { batchSize?: number },
): Project {
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: model.name,
    models: [model],
    blocks: [],
    recipe: recipeSchema.parse({ epochs: 1, model: model.id, ...recipe }),
    metadata: {},
  };
}

/** Trains `project` for a few batches as a run of the project file `file`; returns its id. */
export async function trainQuickly(file: string, project: Project, batches = 8): Promise<string> {
  const settings = trainingSettingsSchema.parse(project.recipe);
  const { runId, dir } = await createRun(file, {
    dataset: project.recipe.dataset,
    settings,
    backend: 'cpu',
  });
  const events: TrainingEvent[] = [];
  const outcome = await runJob(
    { runId, project, settings, backend: 'cpu', runDir: dir, batchesPerEpoch: batches },
    new RunControl(),
    (event) => events.push(event),
  );
  if (outcome !== 'finished') {
    throw new Error(`the test run did not finish: ${JSON.stringify(events.at(-1))}`);
  }
  return runId;
}

/** Where a run keeps its main model. */
export const mainModelDir = (file: string, runId: string) =>
  join(file.replace(/\.strata$/, '.runs'), runId, 'models', 'main');
