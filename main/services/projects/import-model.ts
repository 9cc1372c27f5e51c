import type * as tf from '@tensorflow/tfjs';
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ModelGraph } from '../../../shared/graph/document.js';
import type { Project } from '../../../shared/project/schema.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { saveModelFiles } from '../../engine/tfjs/model-files.js';
import { compileForExport } from '../../export/prepare.js';
import { applyWeights } from '../../import/keras/apply-weights.js';
import { importKerasModel } from '../../import/keras/import.js';
import { importedProject } from '../../import/keras/project.js';
import { weightPaths } from '../../import/keras/weights.js';
import { importOnnx } from '../../import/onnx/importer.js';
import { loadImportedWeights } from '../../import/onnx/weights.js';
import { createRun, type RunSummary } from '../runs/runs.js';
import { writeRunSnapshot } from '../runs/snapshot.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { writeProject } from './files.js';

/** What importing a model file did, or why it could not. */
export type ModelImport =
  | {
      ok: true;
      project: Project;
      /** Node count of the imported model. */
      nodes: number;
      warnings: string[];
      /** No built-in dataset fits its input: the recipe has none yet. */
      datasetFits: boolean;
      /** The run holding the file's weights, when it had any. */
      runId?: string;
    }
  | { ok: false; message: string; unsupported: string[] };

/**
 * Makes the project `projectFile` (which must not exist) from a model file: a Keras / TF.js
 * model.json (weights beside it) or an ONNX model. Its weights become a finished run.
 */
export async function importModelFile(
  modelFile: string,
  projectFile: string,
): Promise<ModelImport> {
  const fail = (message: string, unsupported: string[] = []): ModelImport => ({
    ok: false,
    message,
    unsupported,
  });
  const read = modelFile.toLowerCase().endsWith('.onnx')
    ? await readOnnx(modelFile)
    : await readKeras(modelFile);
  if (typeof read === 'string') return fail(read);
  if (read.unsupported.length > 0) {
    return fail(
      `Strata has no equivalent for ${read.unsupported.length} layer(s) of ${modelFile}`,
      read.unsupported,
    );
  }
  const { project, datasetFits } = importedProject(read.graph, basename(modelFile));
  const written = await writeProject(projectFile, project);
  if (!written.ok) return fail(written.message);
  const warnings = [...read.warnings];
  if (!datasetFits) {
    warnings.push(
      `No built-in dataset fits its input, so the project has no dataset yet ` +
        `(recipe dataset: ${project.recipe.dataset}); add your data to train it.`,
    );
  }
  let runId: string | undefined;
  if (read.hasWeights) {
    const kept = await keepWeights(projectFile, modelFile, project, read);
    if (typeof kept !== 'string' || !kept.startsWith('run:')) {
      return fail(typeof kept === 'string' ? kept : 'the weights could not be kept');
    }
    runId = kept.slice('run:'.length);
  }
  return { ok: true, project, nodes: read.graph.nodes.length, warnings, datasetFits, runId };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** A model read from a file: its graph, what it lacks, and how to set its weights. */
interface ReadModel {
  graph: ModelGraph;
  /** Layers or operators Strata cannot express, each in a line. */
  unsupported: string[];
  warnings: string[];
  hasWeights: boolean;
  /** Sets the file's weights on a model compiled from `graph`; lists what does not fit. */
  applyTo(model: tf.LayersModel, layerNames: Map<string, string>): string[];
}

/** A Keras / TF.js layers model.json, with its weight files when they are there. */
async function readKeras(path: string): Promise<ReadModel | string> {
  const read = await readModelFiles(path);
  if (typeof read === 'string') return read;
  const imported = importKerasModel(read.json, read.weights);
  if (!imported.ok) return `cannot import ${path}: ${imported.message}`;
  return {
    graph: imported.graph,
    unsupported: imported.unsupported.map((u) => `${u.layer} (${u.className}): ${u.reason}`),
    warnings: imported.warnings,
    hasWeights: Object.keys(imported.weights).length > 0,
    applyTo: (model, layerNames) => applyWeights(model, layerNames, imported.weights),
  };
}

/** An ONNX model (channels-last, as Strata and most converters from Keras write it). */
async function readOnnx(path: string): Promise<ReadModel | string> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return `cannot read ${path}: ${(error as Error).message}`;
  }
  const imported = importOnnx(bytes);
  if (!imported.ok && imported.unsupported.length === 0) {
    return `cannot import ${path}: ${imported.message}`;
  }
  if (!imported.ok) {
    return {
      graph: { id: 'model', name: 'model', nodes: [], edges: [] },
      unsupported: imported.unsupported.map((u) => `${u.name} (${u.opType}): ${u.reason}`),
      warnings: [],
      hasWeights: false,
      applyTo: () => [],
    };
  }
  const name = basename(path).replace(/\.onnx$/i, '');
  return {
    graph: { id: 'model', name, ...imported.graph },
    unsupported: [],
    warnings: [],
    hasWeights: imported.weights.size > 0,
    applyTo: (model, layerNames) => {
      try {
        loadImportedWeights(model, layerNames, imported.weights);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    },
  };
}

/** The parsed model.json and its weight files' bytes in manifest order (none when absent). */
async function readModelFiles(
  path: string,
): Promise<{ json: unknown; weights?: ArrayBuffer } | string> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return `cannot read ${path}: ${(error as Error).message}`;
  }
  const paths = weightPaths(json).map((p) => resolve(dirname(path), p));
  if (paths.length === 0) return { json };
  const missing = [];
  for (const p of paths) if (!(await exists(p))) missing.push(p);
  if (missing.length > 0) return `the weight files ${missing.join(', ')} of ${path} are missing`;
  const chunks = await Promise.all(paths.map((p) => readFile(p)));
  const all = Buffer.concat(chunks);
  return { json, weights: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) };
}

/** Saves the imported weights as a finished run of the new project: `run:<id>`, or why not. */
async function keepWeights(
  file: string,
  source: string,
  project: Project,
  imported: ReadModel,
): Promise<string> {
  const input = compileForExport(project, imported.graph);
  if (typeof input === 'string') {
    return `the imported model does not compile, so its weights were not kept: ${input}`;
  }
  try {
    const problems = imported.applyTo(input.model, input.layerNames);
    if (problems.length > 0) {
      return `the weights do not fit the imported model: ${problems.join('; ')}`;
    }
    const settings = trainingSettingsSchema.parse(project.recipe);
    const run = await createRun(file, {
      dataset: project.recipe.dataset,
      settings,
      backend: 'imported',
    });
    await writeRunSnapshot(run.dir, project);
    await saveModelFiles(input.model, join(run.dir, 'models', 'main'));
    const summary: RunSummary = {
      status: 'finished',
      endedAt: new Date().toISOString(),
      reason: `weights imported from ${source}`,
      epochs: 0,
      steps: 0,
      train: {},
      validation: {},
    };
    await writeFileAtomic(join(run.dir, 'summary.json'), JSON.stringify(summary, null, 2));
    return `run:${run.runId}`;
  } finally {
    input.model.dispose();
  }
}
