import type { ExportRunResult } from '../../../shared/api/export-channels.js';
import { failure } from '../../../shared/api/reply.js';
import type { Reply } from '../../../shared/api/reply.js';
import type { Project } from '../../../shared/project/schema.js';
import type { ExportFormat } from '../../export/exporter.js';
import type { ExportProgress } from '../../export/pipeline.js';
import type { PathPolicy } from '../workspace/paths.js';

/** A native folder chooser; only the desktop app has one. */
export interface FolderDialogs {
  /** The folder the user picked (they may have created it), or null when they cancelled. */
  chooseFolder(title: string): Promise<string | null>;
}

/** What an export needs from the session: its path policy and, in the desktop app, a dialog. */
export interface ExportContext {
  paths: PathPolicy;
  dialogs: Partial<FolderDialogs> | null;
}

/** One export as the Export dialog asks for it, with the project already loaded. */
export interface ExportJob {
  file: string;
  project: Project;
  format: ExportFormat;
  runId?: string;
  modelId?: string;
  /** The renderer's destination: absolute in the desktop app, relative under `strata serve`. */
  outDir?: string;
  /** The user agreed to replace an earlier export at the destination. */
  replace?: boolean;
}

/**
 * Runs the export pipeline for the Export dialog: picks the destination (the given path through
 * the session's path policy, or the native folder dialog), reports progress, and answers with
 * what was written, or why not, naming every layer the format cannot express. A destination
 * holding an earlier export gets a `confirm-replace` answer unless the job says `replace`.
 */
export async function runExport(
  context: ExportContext,
  job: ExportJob,
  onProgress: ExportProgress,
): Promise<Reply<ExportRunResult>> {
  const destination = await chooseDestination(context, job.outDir);
  if (!destination.ok) return destination;
  if (destination.result === null) return { ok: true, result: { status: 'cancelled' } };
  // The exporters bring TensorFlow.js: loaded on the first export, not with the app's main process.
  const [{ exportProject }, { describeProblem }] = await Promise.all([
    import('../../export/pipeline.js'),
    import('../../export/destination.js'),
  ]);
  const exported = await exportProject(
    {
      projectPath: job.file,
      project: job.project,
      format: job.format,
      outDir: destination.result,
      runId: job.runId,
      modelId: job.modelId,
      replace: job.replace,
    },
    onProgress,
  );
  const shown = (path: string) => {
    const presented = context.paths.present(path);
    // The served folder itself is '' to present(), and `.` to the page.
    return presented === null ? path : presented || '.';
  };
  if (!exported.ok && exported.destination) {
    const outDir = shown(destination.result);
    const message = describeProblem(exported.destination, outDir);
    return {
      ok: true,
      result: exported.destination.needsConfirmation
        ? { status: 'confirm-replace', outDir, message }
        : { status: 'failed', message, unsupported: [] },
    };
  }
  if (!exported.ok) {
    const unsupported = exported.models.flatMap(({ modelId, result }) =>
      result.ok ? [] : result.unsupported.map((u) => ({ modelId, ...u })),
    );
    return { ok: true, result: { status: 'failed', message: exported.message, unsupported } };
  }
  return {
    ok: true,
    result: {
      status: 'exported',
      models: exported.models.map(({ modelId, outDir, result }) => ({
        modelId,
        outDir: shown(outDir),
        files: result.ok ? result.files.map(shown) : [],
        notes: result.ok ? result.notes : [],
      })),
      weights: job.runId
        ? `trained weights of run ${job.runId}`
        : `untrained weights drawn from the recipe seed ${job.project.recipe.seed}`,
    },
  };
}

async function chooseDestination(
  context: ExportContext,
  outDir: string | undefined,
): Promise<Reply<string | null>> {
  if (outDir !== undefined) return context.paths.resolve(outDir);
  const choose = context.dialogs?.chooseFolder;
  if (!choose) {
    return failure(
      'unsupported',
      'No destination given, and this transport has no folder dialog: pass outDir.',
    );
  }
  return { ok: true, result: await choose('Export to a new or empty folder') };
}
