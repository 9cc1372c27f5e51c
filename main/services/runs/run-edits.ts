import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { failure, type Reply } from '../../../shared/api/reply.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { RUN_NAME_MAX, RUN_NOTE_MAX } from '../../../shared/api/run-channels.js';
import { META_FILE, readRunMeta, type RunMeta } from './meta.js';
import { findRun } from './runs.js';

/**
 * Changes a run's name, note or star (an empty name or note removes it); returns the result.
 * Names and notes are trimmed; too long ones are refused with the limit.
 */
export async function updateRunMeta(
  projectPath: string,
  runId: string,
  change: RunMeta,
): Promise<Reply<RunMeta>> {
  const found = await findRun(projectPath, runId);
  if (!found.ok) return found;
  const name = change.name?.trim();
  const note = change.note?.trim();
  if (name !== undefined && name.length > RUN_NAME_MAX) {
    return failure('invalid-request', `A run name has at most ${RUN_NAME_MAX} characters.`);
  }
  if (note !== undefined && note.length > RUN_NOTE_MAX) {
    return failure('invalid-request', `A run note has at most ${RUN_NOTE_MAX} characters.`);
  }
  const before = await readRunMeta(found.result);
  const merged: RunMeta = {
    ...before,
    ...(name === undefined ? {} : { name }),
    ...(note === undefined ? {} : { note }),
    ...(change.starred === undefined ? {} : { starred: change.starred }),
  };
  const kept: RunMeta = {
    ...(merged.name ? { name: merged.name } : {}),
    ...(merged.note ? { note: merged.note } : {}),
    ...(merged.starred ? { starred: true } : {}),
  };
  await writeFileAtomic(join(found.result, META_FILE), JSON.stringify(kept, null, 2));
  return { ok: true, result: kept };
}

/**
 * Deletes a run's folder: weights, log, checkpoints and its copy of the graph. The folder is
 * first renamed aside, so a delete cut short never leaves a half run in the list.
 */
export async function deleteRun(
  projectPath: string,
  runId: string,
): Promise<Reply<Record<string, never>>> {
  const found = await findRun(projectPath, runId);
  if (!found.ok) return found;
  // A name that is not a run id: the run list skips it.
  const aside = join(dirname(found.result), `.deleting-${basename(found.result)}`);
  await rename(found.result, aside);
  await rm(aside, { recursive: true, force: true });
  return { ok: true, result: {} };
}
