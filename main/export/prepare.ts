import type * as tf from '@tensorflow/tfjs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelGraph } from '../../shared/graph/document.js';
import type { Project } from '../../shared/project/schema.js';
import { compileModel } from '../engine/tfjs/compile.js';
import { loadModelFiles } from '../engine/tfjs/model-files.js';
import { listRuns, runsFolder } from '../services/runs/runs.js';
import { readRunSnapshot } from '../services/runs/snapshot.js';
import type { ExportInput } from './exporter.js';
import {
  loadWithNormalisation,
  runNormalisation,
  withNormalisationNode,
} from './input-normalisation.js';

/** Which models to export and with which weights. */
export interface PrepareOptions {
  /** A run of the project whose trained weights to export; untrained weights when absent. */
  runId?: string;
  /** Only this model; every model of the project when absent. */
  modelId?: string;
}

export type Prepared = { ok: true; inputs: ExportInput[] } | { ok: false; message: string };

/**
 * Compiles the models of a project (one, or all) into {@link ExportInput}s, with a run's trained
 * weights loaded into them when `runId` is given. The caller disposes the inputs' models.
 */
export async function prepareExport(
  projectPath: string,
  current: Project,
  options: PrepareOptions = {},
): Promise<Prepared> {
  const runDir =
    options.runId === undefined ? undefined : await findRun(projectPath, options.runId);
  if (runDir && !runDir.ok) return runDir;
  // A run exports the graph it trained, whatever the project holds now.
  const kept = runDir ? await readRunSnapshot(runDir.dir) : undefined;
  const project = kept ?? current;
  const graphs = project.models.filter(
    (m) => options.modelId === undefined || m.id === options.modelId,
  );
  if (graphs.length === 0) {
    const ids = project.models.map((m) => m.id).join(', ');
    const whose = kept ? `run ${options.runId} trained no model` : 'the project has no model';
    return { ok: false, message: `${whose} "${options.modelId}"; its models are: ${ids}` };
  }

  const inputs: ExportInput[] = [];
  const fail = (message: string): Prepared => {
    disposeInputs(inputs);
    return { ok: false, message };
  };
  for (const graph of graphs) {
    if (runDir && runModelFolder(project, graph.id) === 'main') {
      // The trained model takes raw data: the run's input statistics become its first layer.
      const input = await normalisedInput(projectPath, project, graph, runDir.dir, options.runId!);
      if (typeof input === 'string') return fail(input);
      inputs.push(input);
      continue;
    }
    // Untrained weights drawn from the recipe's seed: every format of the project agrees.
    const input = runDir
      ? compileForExport(project, graph)
      : seeded(project.recipe.seed, () => compileForExport(project, graph));
    if (typeof input === 'string') return fail(input);
    inputs.push(input);
    if (runDir) {
      const loaded = await loadTrainedWeights(
        input.model,
        project,
        graph,
        runDir.dir,
        options.runId!,
      );
      if (loaded) return fail(loaded);
    }
  }
  return { ok: true, inputs };
}

/**
 * A run's model with its trained weights and the input normalisation it trained with as its first
 * layer (none for token inputs and imported weights; noted when the dataset cannot be reopened).
 */
async function normalisedInput(
  projectPath: string,
  project: Project,
  graph: ModelGraph,
  runDir: string,
  runId: string,
): Promise<ExportInput | string> {
  const plain = compileForExport(project, graph);
  if (typeof plain === 'string') return plain;
  const loaded = await loadTrainedWeights(plain.model, project, graph, runDir, runId);
  if (loaded) {
    plain.model.dispose();
    return loaded;
  }
  const normalisation = await runNormalisation(projectPath, runDir);
  if (normalisation === undefined) return plain;
  const extended = withNormalisationNode(graph);
  if (typeof normalisation === 'string' || !extended) {
    const unavailable =
      typeof normalisation === 'string'
        ? `its dataset cannot be reopened (${normalisation})`
        : 'the model has more than one input';
    return { ...plain, preprocessing: { unavailable } };
  }
  const input = compileForExport(project, extended);
  try {
    if (typeof input === 'string') return input;
    const problem = loadWithNormalisation(input.model, plain.model, normalisation);
    if (problem) {
      input.model.dispose();
      return `run ${runId}'s weights do not fit model "${graph.id}": ${problem}`;
    }
    return { ...input, preprocessing: { normalisation } };
  } finally {
    plain.model.dispose();
  }
}

/**
 * Runs `build` with `Math.random` drawn from `seed`. tfjs seeds each initializer that was given
 * no seed from `Math.random`, so the same seed gives the same initial weights.
 */
function seeded<T>(seed: number, build: () => T): T {
  const random = Math.random;
  let state = seed >>> 0 || 1;
  // mulberry32: small, fast, and enough to pick initializer seeds.
  Math.random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return build();
  } finally {
    Math.random = random;
  }
}

/** One model of a project compiled for export (fresh weights), or why it cannot be. */
export function compileForExport(project: Project, graph: ModelGraph): ExportInput | string {
  const compiled = compileModel(graph, graph.name, { blocks: project.blocks });
  if (!compiled.ok) {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    return `model "${graph.id}" has errors: ${errors.map((d) => d.message).join(' ')}`;
  }
  const { model, analysis, layerNames } = compiled;
  return { project, graph, flat: analysis.flat, model, layerNames };
}

/** Frees the tfjs models of prepared inputs. */
export function disposeInputs(inputs: readonly ExportInput[]): void {
  for (const input of inputs) input.model.dispose();
}

/** The folder a run keeps each model in, named for the model's role in the recipe. */
export function runModelFolder(project: Project, modelId: string): string | undefined {
  const { task, model, discriminator } = project.recipe;
  if (task === 'gan') {
    if (modelId === model) return 'generator';
    return modelId === discriminator ? 'discriminator' : undefined;
  }
  return modelId === model ? 'main' : undefined;
}

async function findRun(
  projectPath: string,
  runId: string,
): Promise<{ ok: true; dir: string } | { ok: false; message: string }> {
  const dir = join(runsFolder(projectPath), runId);
  if (await exists(join(dir, 'config.json'))) return { ok: true, dir };
  const runs = (await listRuns(projectPath)).map((r) => r.runId);
  const known = runs.length === 0 ? 'the project has no runs' : `its runs are: ${runs.join(', ')}`;
  return { ok: false, message: `no run "${runId}" in ${runsFolder(projectPath)}; ${known}` };
}

/** Loads a run's weights into `model`; returns why it cannot, or undefined when done. */
async function loadTrainedWeights(
  model: tf.LayersModel,
  project: Project,
  graph: ModelGraph,
  runDir: string,
  runId: string,
): Promise<string | undefined> {
  const role = runModelFolder(project, graph.id);
  if (!role) return `run ${runId} did not train model "${graph.id}" (the recipe trains another)`;
  const folder = join(runDir, 'models', role);
  if (!(await exists(join(folder, 'model.json')))) {
    return `run ${runId} saved no final model "${graph.id}" (it failed or was interrupted)`;
  }
  const trained = await loadModelFiles(folder);
  try {
    const changed = architectureChange(model.weights, trained.weights);
    if (changed) {
      return (
        `model "${graph.id}" changed since run ${runId} (${changed}), and the run keeps no ` +
        'copy of the graph it trained: export untrained weights, or train it again'
      );
    }
    model.setWeights(trained.getWeights());
    return undefined;
  } finally {
    trained.dispose();
  }
}

/** How the current model's weights differ from the run's, or undefined when they line up. */
function architectureChange(
  now: readonly tf.LayerVariable[],
  run: readonly tf.LayerVariable[],
): string | undefined {
  const dims = (v: tf.LayerVariable) => v.shape.join('×') || 'scalar';
  for (let i = 0; i < Math.max(now.length, run.length); i++) {
    const [a, b] = [now[i], run[i]];
    if (!a) return `the run has an extra weight ${b.originalName} (${dims(b)})`;
    if (!b) return `weight ${a.originalName} (${dims(a)}) is new`;
    if (dims(a) !== dims(b)) {
      return `weight ${a.originalName} is ${dims(a)} now but ${dims(b)} in the run`;
    }
  }
  return undefined;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
