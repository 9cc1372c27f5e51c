import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { Project } from '../../shared/project/schema.js';
import {
  commitExport,
  describeProblem,
  destinationProblem,
  inspectDestination,
  stagingFolder,
  type DestinationProblem,
} from './destination.js';
import type { ExportFormat, ExportInput, ExportResult } from './exporter.js';
import { exporters } from './formats.js';
import { NORMALISATION_NODE, normalisationReadme } from './input-normalisation.js';
import { writeManifest } from './manifest.js';
import { disposeInputs, prepareExport, type PrepareOptions } from './prepare.js';

/** One export request: a project on disk, a format, where to write, and which weights. */
export interface ExportRequest extends PrepareOptions {
  projectPath: string;
  project: Project;
  format: ExportFormat;
  outDir: string;
  /** Replace `outDir` if it holds an earlier Strata export: the user agreed (asked, or --force). */
  replace?: boolean;
}

/** One model's export: where it went and what the exporter said. */
export interface ModelExport {
  modelId: string;
  outDir: string;
  result: ExportResult;
}

export type ProjectExport =
  | { ok: true; models: ModelExport[] }
  | {
      ok: false;
      message: string;
      models: ModelExport[];
      /** Set when the destination is why: the folder holds other files, or needs confirming. */
      destination?: DestinationProblem;
    };

/** Progress of a project export: which model, and the exporter's fraction and label. */
export type ExportProgress = (modelId: string, fraction: number, label: string) => void;

/**
 * Exports a project's models (one, or all) in one format. A single model is written into `outDir`
 * itself; several go into `outDir/<model id>/`. Everything is built in a hidden sibling folder,
 * marked with a manifest, and moved into place only when every model succeeded; `outDir` must be
 * absent, empty or an earlier export (see destination.ts). Stops at the first model that fails.
 */
export async function exportProject(
  request: ExportRequest,
  onProgress: ExportProgress = () => {},
): Promise<ProjectExport> {
  const outDir = resolve(request.outDir);
  const replace = request.replace ?? false;
  const refused = (problem: DestinationProblem): ProjectExport => ({
    ok: false,
    message: describeProblem(problem, request.outDir),
    models: [],
    destination: problem,
  });
  const problem = destinationProblem(await inspectDestination(outDir), replace);
  if (problem) return refused(problem);
  const prepared = await prepareExport(request.projectPath, request.project, request);
  if (!prepared.ok) return { ok: false, message: prepared.message, models: [] };
  const exporter = exporters[request.format];
  const models: ModelExport[] = [];
  const staged = await stagingFolder(outDir);
  try {
    for (const input of prepared.inputs) {
      const modelId = input.graph.id;
      const single = prepared.inputs.length === 1;
      const target = single ? staged : join(staged, modelId);
      // Named as the caller named the folder (relative stays relative).
      const final = single ? request.outDir : join(request.outDir, modelId);
      const exported = await exporter(input, target, (fraction, label) =>
        onProgress(modelId, fraction, label),
      );
      const result = exported.ok ? await describeInputs(input, target, exported) : exported;
      const files = result.ok ? result.files.map((f) => join(final, relative(target, f))) : [];
      models.push({ modelId, outDir: final, result: result.ok ? { ...result, files } : result });
      if (!result.ok) return { ok: false, message: result.message, models };
    }
    await writeManifest(staged, {
      format: request.format,
      project: basename(request.projectPath),
      models: models.map((m) => m.modelId),
      runId: request.runId ?? null,
    });
    const late = await commitExport(staged, outDir, replace);
    return late ? refused(late) : { ok: true, models };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `export failed: ${message}`, models };
  } finally {
    disposeInputs(prepared.inputs);
    await rm(staged, { recursive: true, force: true });
  }
}

/**
 * A run's export says in its README how to feed it: raw data through its normalisation layer,
 * or, when the statistics could not be taken, that inputs must be scaled as in training.
 */
async function describeInputs(
  input: ExportInput,
  folder: string,
  result: ExportResult & { ok: true },
): Promise<ExportResult> {
  const { preprocessing } = input;
  if (!preprocessing) return result;
  const readme = join(folder, 'README.md');
  const before = await readFile(readme, 'utf8').catch(() => undefined);
  const section = preprocessing.unavailable
    ? '## Inputs\n\nScale inputs as Strata did in training: the statistics could not be ' +
      `taken for this export because ${preprocessing.unavailable}.\n`
    : normalisationReadme(preprocessing.normalisation);
  const text =
    before === undefined ? `# ${input.graph.name}\n\n${section}` : `${before}\n${section}`;
  await writeFile(readme, text);
  const note = preprocessing.normalisation
    ? `The model normalises its inputs itself (layer ${NORMALISATION_NODE}): feed it raw data (README.md).`
    : `Scale inputs as in training: ${preprocessing.unavailable}.`;
  return {
    ...result,
    files: before === undefined ? [...result.files, readme] : result.files,
    notes: [...result.notes, note],
  };
}
