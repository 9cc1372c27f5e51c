import type * as tf from '@tensorflow/tfjs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { failure } from '../../../shared/api/reply.js';
import type { Reply } from '../../../shared/api/reply.js';
import { normalisationFor } from '../../engine/trainer/supervised.js';
import { loadModelFiles } from '../../engine/tfjs/model-files.js';
import type { Dataset, Normalisation } from '../datasets/dataset.js';
import { runDatasetRequest } from '../datasets/declared/request.js';
import { openDataset } from '../datasets/registry.js';
import { findRun, isRunId, runsFolder, type RunConfig } from '../runs/runs.js';

/** Which of a run's saved models (the folder names under `models/`). */
export type RunModelRole = 'main' | 'generator' | 'discriminator';

/** A run's trained model with the dataset it was trained on, split and scaled as it was. */
export interface RunContext {
  runId: string;
  role: RunModelRole;
  model: tf.LayersModel;
  dataset: Dataset;
  normalise: Normalisation;
}

/**
 * Loads the model a run saved when it ended and reopens its dataset with the run's split
 * settings, so inputs can be prepared exactly as its training examples were.
 */
export async function loadRunContext(
  projectFile: string,
  runId: string,
  role: RunModelRole = 'main',
): Promise<Reply<RunContext>> {
  const found = await findRun(projectFile, runId);
  if (!found.ok) return found;
  const dir = found.result;
  let config: RunConfig;
  try {
    config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as RunConfig;
  } catch {
    return failure('not-found', `The project has no run "${runId}".`);
  }
  const folder = join(dir, 'models', role);
  if (!(await exists(join(folder, 'model.json')))) {
    const saved = await readdir(join(dir, 'models')).catch(() => [] as string[]);
    const hint =
      saved.length === 0
        ? 'it saved no model (it is still training, failed, or was interrupted)'
        : `it saved: ${saved.join(', ')}`;
    return failure('not-found', `Run "${runId}" has no "${role}" model: ${hint}.`);
  }
  const opened = await openDataset(runDatasetRequest(projectFile, config), {
    validation: config.settings.validationSplit,
    seed: config.settings.seed,
  });
  if (!opened.ok) {
    const why = opened.errors.map((e) => e.message).join('; ');
    return failure('failed', `Cannot reopen the dataset of run "${runId}": ${why}`);
  }
  const model = await loadModelFiles(folder);
  const dataset = opened.dataset;
  return {
    ok: true,
    result: { runId, role, model, dataset, normalise: normalisationFor(dataset) },
  };
}

/**
 * The model a test uses when none is named: the run's `main` model, or a GAN's discriminator
 * (it looks at an image and says how real it seems; the generator takes only noise).
 */
export async function defaultRunModel(projectFile: string, runId: string): Promise<RunModelRole> {
  if (!isRunId(runId)) return 'main';
  const models = join(runFolder(projectFile, runId), 'models');
  if (await exists(join(models, 'main', 'model.json'))) return 'main';
  return (await exists(join(models, 'discriminator', 'model.json'))) ? 'discriminator' : 'main';
}

/** A run's folder (the id is checked by the caller). */
const runFolder = (projectFile: string, runId: string) => join(runsFolder(projectFile), runId);

/**
 * When the run last saved this model (a resumed run saves it again), or 0 when it has none:
 * part of the cache key, so a retrained model is reloaded.
 */
export async function savedAt(projectFile: string, runId: string, role: RunModelRole) {
  if (!isRunId(runId)) return 0;
  const file = join(runFolder(projectFile, runId), 'models', role, 'model.json');
  return stat(file).then(
    (s) => s.mtimeMs,
    () => 0,
  );
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
