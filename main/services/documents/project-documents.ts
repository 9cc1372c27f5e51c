import { access, readFile } from 'node:fs/promises';
import type { OpenedProject, RequestOf, SaveResult } from '../../../shared/api/contract.js';
import { failure } from '../../../shared/api/reply.js';
import type { Reply } from '../../../shared/api/reply.js';
import { formatIssue } from '../../../shared/project/issues.js';
import type { LoadIssue } from '../../../shared/project/issues.js';
import { loadProject } from '../../../shared/project/load.js';
import { PROJECT_EXTENSION } from '../../../shared/project/schema.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import { writeProject } from '../projects/files.js';
import { MODEL_FILE } from '../projects/model-file.js';
import type { RecentFiles } from '../storage/recent-files.js';
import type { PathPolicy } from '../workspace/paths.js';
import { stampOf } from './stamp.js';

/** Native file pickers; absent under `strata serve`, where the renderer lists files itself. */
export interface ProjectDialogs {
  /** The project the user picked to open, or null when they cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** Where the user chose to save (they confirmed any overwrite), or null when they cancelled. */
  chooseSavePath(suggested: string | null): Promise<string | null>;
}

/** What opening and saving need from the host. */
export interface DocumentContext {
  paths: PathPolicy;
  recent: RecentFiles;
  dialogs: ProjectDialogs | null;
}

/** An opened project and the absolute file it came from. */
export interface OpenedFile {
  opened: OpenedProject;
  file: string;
}

/** Reads, migrates and repairs a project; without a path, asks with the open dialog. */
export async function openProject(
  context: DocumentContext,
  requestedPath: string | undefined,
): Promise<Reply<OpenedFile | null>> {
  const chosen = await choosePath(context, requestedPath, () => context.dialogs?.chooseOpenPath());
  if (!chosen.ok || chosen.result === null) return chosen as Reply<null>;
  // A model file (ONNX, TF.js / Keras JSON) is imported into a new project beside it, then opened.
  const imported = MODEL_FILE.test(chosen.result)
    ? await importBeside(context, chosen.result)
    : undefined;
  if (imported && !imported.ok) return imported;
  const file = imported ? imported.result.file : chosen.result;

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing) await context.recent.remove(file);
    return failure(
      missing ? 'not-found' : 'failed',
      `Cannot open ${shown(context, file)}: ${message(error)}`,
    );
  }
  const loaded = loadProject(bytes.toString('utf8'));
  if (!loaded.ok) {
    return failure(
      'invalid-project',
      `Cannot open ${shown(context, file)}: ${issues(loaded.errors)}`,
    );
  }
  const warnings = [...(imported?.result.warnings ?? []), ...loaded.repairs.map(formatIssue)];
  if (loaded.migratedFrom !== undefined) {
    warnings.unshift(
      `Upgraded from file format ${loaded.migratedFrom}; saving writes the new format.`,
    );
  }
  await context.recent.add(file);
  const document = JSON.parse(serializeProject(loaded.project)) as Record<string, unknown>;
  return {
    ok: true,
    result: {
      file,
      opened: { path: shown(context, file), document, stamp: stampOf(bytes), warnings },
    },
  };
}

/**
 * Imports a model file into a new project beside it (`name.strata`, or `name-2.strata`… when
 * taken), its weights kept as a run. Says what it made, or why it could not.
 */
async function importBeside(
  context: DocumentContext,
  modelFile: string,
): Promise<Reply<{ file: string; warnings: string[] }>> {
  const base = modelFile.replace(MODEL_FILE, '');
  let file = `${base}${PROJECT_EXTENSION}`;
  for (let n = 2; await exists(file); n++) file = `${base}-${n}${PROJECT_EXTENSION}`;
  // The importer compiles with TensorFlow.js: loaded on first import, not at the app's start.
  const { importModelFile } = await import('../projects/import-model.js');
  const imported = await importModelFile(modelFile, file);
  if (!imported.ok) {
    const what = imported.unsupported.length > 0 ? `: ${imported.unsupported.join('; ')}` : '';
    return failure(
      'failed',
      `Cannot import ${shown(context, modelFile)}: ${imported.message}${what}`,
    );
  }
  const warnings = [
    `Imported ${shown(context, modelFile)} as ${shown(context, file)}` +
      (imported.runId ? `; its weights are run ${imported.runId}.` : '.'),
    ...imported.warnings,
  ];
  return { ok: true, result: { file, warnings } };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The save request after its schema's defaults are applied. */
export type SaveRequest = Omit<RequestOf<'renderer:project.save'>, 'force'> & { force: boolean };

/**
 * Saves atomically, refusing (`conflict`) when the file changed on disk since `baseStamp`,
 * unless `force`. Without a path, asks with the save dialog, whose overwrite prompt counts as
 * the user's consent.
 */
export async function saveProject(
  context: DocumentContext,
  request: SaveRequest,
  currentFile: string | null,
): Promise<Reply<{ saved: SaveResult; file: string | null }>> {
  const loaded = loadProject(JSON.stringify(request.document));
  if (!loaded.ok || loaded.repairs.length > 0) {
    const problems = loaded.ok ? loaded.repairs : loaded.errors;
    return failure(
      'invalid-project',
      `Not saved: the document is not a valid project: ${issues(problems)}`,
    );
  }
  const chosen = await choosePath(context, request.path, () =>
    context.dialogs?.chooseSavePath(currentFile),
  );
  if (!chosen.ok) return chosen;
  if (chosen.result === null)
    return { ok: true, result: { saved: { status: 'cancelled' }, file: null } };
  const fromDialog = request.path === undefined;
  const file = fromDialog ? withExtension(chosen.result) : chosen.result;
  if (!file.endsWith(PROJECT_EXTENSION)) {
    return failure(
      'invalid-request',
      `Project files end in ${PROJECT_EXTENSION}: "${request.path}".`,
    );
  }

  if (!request.force && !fromDialog) {
    const onDisk = await readFile(file).then(stampOf, () => null);
    if (onDisk !== null && onDisk !== request.baseStamp) {
      return {
        ok: true,
        result: { saved: { status: 'conflict', path: shown(context, file) }, file },
      };
    }
  }
  const written = await writeProject(file, loaded.project);
  if (!written.ok) return failure('failed', written.message);
  await context.recent.add(file);
  const stamp = stampOf(serializeProject(loaded.project));
  return {
    ok: true,
    result: { saved: { status: 'saved', path: shown(context, file), stamp }, file },
  };
}

/** The requested path through the policy, or the dialog's answer (null: cancelled). */
async function choosePath(
  context: DocumentContext,
  requested: string | undefined,
  ask: () => Promise<string | null> | undefined,
): Promise<Reply<string | null>> {
  if (requested !== undefined) return context.paths.resolve(requested);
  const answer = ask();
  if (answer === undefined) {
    return failure(
      'unsupported',
      'No path given, and this transport has no file dialogs: pass a path.',
    );
  }
  return { ok: true, result: await answer };
}

function withExtension(path: string): string {
  return path.endsWith(PROJECT_EXTENSION) ? path : `${path}${PROJECT_EXTENSION}`;
}

function shown(context: DocumentContext, file: string): string {
  return context.paths.present(file) ?? file;
}

function issues(list: readonly LoadIssue[]): string {
  return list.map(formatIssue).join('; ');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
