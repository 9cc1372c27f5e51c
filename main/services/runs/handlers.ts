import { failure } from '../../../shared/api/reply.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import type { Handlers } from '../api/dispatch.js';
import type { PathPolicy } from '../workspace/paths.js';
import { deleteRun, updateRunMeta } from './run-edits.js';
import { findRun } from './runs.js';
import { readRunSnapshot } from './snapshot.js';

/** The channels that look after a project's runs. */
export type RunChannel = 'renderer:runs.update' | 'renderer:runs.delete' | 'renderer:runs.snapshot';

/**
 * Handlers that rename, annotate, star and delete runs and read the graph a run trained.
 * `training` says which runs train now: those are not deleted under the trainer.
 */
export function runHandlers(
  paths: PathPolicy,
  training: { readonly running: readonly string[] },
): Pick<Handlers, RunChannel> {
  return {
    'renderer:runs.update': async ({ path, runId, ...change }) => {
      const file = await paths.resolve(path);
      if (!file.ok) return file;
      return updateRunMeta(file.result, runId, change);
    },
    'renderer:runs.delete': async ({ path, runId }) => {
      const file = await paths.resolve(path);
      if (!file.ok) return file;
      if (training.running.includes(runId)) {
        return failure('invalid-request', 'This run is training: stop it before deleting it.');
      }
      return deleteRun(file.result, runId);
    },
    'renderer:runs.snapshot': async ({ path, runId }) => {
      const file = await paths.resolve(path);
      if (!file.ok) return file;
      const dir = await findRun(file.result, runId);
      if (!dir.ok) return dir;
      const project = await readRunSnapshot(dir.result);
      if (!project) return { ok: true, result: {} };
      const document = JSON.parse(serializeProject(project)) as Record<string, unknown>;
      return { ok: true, result: { document } };
    },
  };
}
