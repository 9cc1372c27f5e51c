import { join } from 'node:path';
import { failure, type Reply } from '../../../shared/api/reply.js';
import { cannotResume, latestIntactCheckpoint } from '../../engine/trainer/checkpoint-files.js';
import { findRun } from '../runs/runs.js';

/**
 * A run of the project that can be resumed: its id is well formed, it exists, and it has a
 * checkpoint whose files are intact. Checked before anything is written or any trainer starts,
 * so a refusal leaves the run exactly as it was.
 */
export async function resumableRun(
  file: string,
  runId: string,
): Promise<Reply<{ runId: string; dir: string }>> {
  const dir = await findRun(file, runId);
  if (!dir.ok) return dir;
  const { latest, skipped } = await latestIntactCheckpoint(join(dir.result, 'checkpoints'));
  if (latest === undefined) {
    return failure('invalid-request', cannotResume(skipped, `run "${runId}"`));
  }
  return { ok: true, result: { runId, dir: dir.result } };
}
