import type * as tf from '@tensorflow/tfjs';
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../../services/storage/atomic-file.js';
import type { ModelGraph } from '../../../shared/graph/document.js';
import { PROJECT_EXTENSION, type Project } from '../../../shared/project/schema.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { saveModelFiles } from '../../engine/tfjs/model-files.js';
import { compileForExport } from '../../export/prepare.js';
import { applyWeights } from '../../import/keras/apply-weights.js';
import { importKerasModel } from '../../import/keras/import.js';
import { importedProject } from '../../import/keras/project.js';
import { weightPaths } from '../../import/keras/weights.js';
import { importOnnx } from '../../import/onnx/importer.js';
import { loadImportedWeights } from '../../import/onnx/weights.js';
import { writeProject } from '../../services/projects/files.js';
import { createRun, type RunSummary } from '../../services/runs/runs.js';
import { writeRunSnapshot } from '../../services/runs/snapshot.js';
import { EXIT, type CliIo } from '../io.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `strata import <model.json | model.onnx> <file>`: a Keras / TF.js layers model or an ONNX model
 * becomes a new project; its weights, when the files are there, become a run of that project.
 */
export async function importCommand(modelFile: string, file: string, io: CliIo): Promise<number> {
  if (!file.endsWith(PROJECT_EXTENSION)) {
    io.err(`strata: project files end in ${PROJECT_EXTENSION}; try ${file}${PROJECT_EXTENSION}.`);
    return EXIT.usage;
  }
  if (await exists(file)) {
    io.err(`strata: ${file} already exists; choose another name or delete it first.`);
    return EXIT.failed;
  }
  const read = modelFile.toLowerCase().endsWith('.onnx')
    ? await readOnnx(modelFile)
    : await readKeras(modelFile);
  if (typeof read === 'string') {
    io.err(`strata: ${read}`);
    return EXIT.failed;
  }
  if (read.unsupported.length > 0) {
    io.err(
      `strata: Strata has no equivalent for ${read.unsupported.length} layer(s) of ${modelFile}:`,
    );
    for (const u of read.unsupported) io.err(`  ${u}`);
    return EXIT.failed;
  }
  for (const warning of read.warnings) io.err(`warning: ${warning}`);

  const { project, datasetFits } = importedProject(read.graph, basename(modelFile));
  const written = await writeProject(file, project);
  if (!written.ok) {
    io.err(`strata: ${written.message}`);
    return EXIT.failed;
  }
  const layers = read.graph.nodes.length;
  io.out(`Created ${file} from ${modelFile}: ${layers} nodes in model "${read.graph.id}".`);
  if (!datasetFits) {
    io.err(
      `warning: no built-in dataset fits its input, so the project has no dataset yet ` +
        `(recipe dataset: ${project.recipe.dataset}); add yours with strata data add.`,
    );
  }
  if (read.hasWeights) {
    const runId = await keepWeights(file, modelFile, project, read, io);
    if (runId === undefined) return EXIT.failed;
    io.out(`Weights kept as run ${runId}; export them with --run ${runId}.`);
  }
  return EXIT.ok;
}

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

/** Saves the imported weights as a finished run of the new project; returns its id. */
async function keepWeights(
  file: string,
  source: string,
  project: Project,
  imported: ReadModel,
  io: CliIo,
): Promise<string | undefined> {
  const input = compileForExport(project, imported.graph);
  if (typeof input === 'string') {
    io.err(`strata: the imported model does not compile, so its weights were not kept: ${input}`);
    return undefined;
  }
  try {
    const problems = imported.applyTo(input.model, input.layerNames);
    if (problems.length > 0) {
      io.err('strata: the weights do not fit the imported model:');
      for (const p of problems) io.err(`  ${p}`);
      return undefined;
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
    return run.runId;
  } finally {
    input.model.dispose();
  }
}
