import { access, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../../services/storage/atomic-file.js';
import { PROJECT_EXTENSION, type Project } from '../../../shared/project/schema.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { saveModelFiles } from '../../engine/tfjs/model-files.js';
import { compileForExport } from '../../export/prepare.js';
import { applyWeights } from '../../import/keras/apply-weights.js';
import { importKerasModel, type KerasImport } from '../../import/keras/import.js';
import { importedProject } from '../../import/keras/project.js';
import { weightPaths } from '../../import/keras/weights.js';
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
 * `strata import <model.json> <file>`: a Keras / TF.js layers model becomes a new project; its
 * weights, when the files are there, become a run of that project (`strata export --run`).
 */
export async function importCommand(modelJson: string, file: string, io: CliIo): Promise<number> {
  if (!file.endsWith(PROJECT_EXTENSION)) {
    io.err(`strata: project files end in ${PROJECT_EXTENSION}; try ${file}${PROJECT_EXTENSION}.`);
    return EXIT.usage;
  }
  if (await exists(file)) {
    io.err(`strata: ${file} already exists; choose another name or delete it first.`);
    return EXIT.failed;
  }
  const read = await readModelFiles(modelJson);
  if (typeof read === 'string') {
    io.err(`strata: ${read}`);
    return EXIT.failed;
  }
  const imported = importKerasModel(read.json, read.weights);
  if (!imported.ok) {
    io.err(`strata: cannot import ${modelJson}: ${imported.message}`);
    return EXIT.failed;
  }
  if (imported.unsupported.length > 0) {
    io.err(
      `strata: Strata has no equivalent for ${imported.unsupported.length} layer(s) of ${modelJson}:`,
    );
    for (const u of imported.unsupported) io.err(`  ${u.layer} (${u.className}): ${u.reason}`);
    return EXIT.failed;
  }
  for (const warning of imported.warnings) io.err(`warning: ${warning}`);

  const { project, datasetFits } = importedProject(imported.graph, basename(modelJson));
  const written = await writeProject(file, project);
  if (!written.ok) {
    io.err(`strata: ${written.message}`);
    return EXIT.failed;
  }
  const layers = imported.graph.nodes.length;
  io.out(`Created ${file} from ${modelJson}: ${layers} nodes in model "${imported.graph.id}".`);
  if (!datasetFits) {
    io.out(
      `note: no built-in dataset fits its input; pick one (recipe dataset: ${project.recipe.dataset}).`,
    );
  }
  if (Object.keys(imported.weights).length > 0) {
    const runId = await keepWeights(file, modelJson, project, imported, io);
    if (runId === undefined) return EXIT.failed;
    io.out(`Weights kept as run ${runId}; export them with --run ${runId}.`);
  }
  return EXIT.ok;
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
  imported: KerasImport,
  io: CliIo,
): Promise<string | undefined> {
  const input = compileForExport(project, imported.graph);
  if (typeof input === 'string') {
    io.err(`strata: the imported model does not compile, so its weights were not kept: ${input}`);
    return undefined;
  }
  try {
    const problems = applyWeights(input.model, input.layerNames, imported.weights);
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
