import { deleteRun, updateRunMeta } from '../../services/runs/run-edits.js';
import { listRuns } from '../../services/runs/runs.js';
import type { RunMeta } from '../../services/runs/meta.js';
import { EXIT, type CliIo } from '../io.js';

/** `strata runs <project>`: the project's runs, newest first, with their final figures. */
export async function runsCommand(file: string, io: CliIo): Promise<number> {
  const runs = await listRuns(file);
  if (runs.length === 0) {
    io.out(`no runs yet for ${file}`);
    return EXIT.ok;
  }
  for (const run of runs) {
    const figures = Object.entries(run.summary?.validation ?? run.summary?.train ?? {})
      .map(([k, v]) => `${k} ${v.toFixed(4)}`)
      .join('  ');
    const test = Object.entries(run.summary?.test ?? {})
      .map(([k, v]) => `test ${k} ${v.toFixed(4)}`)
      .join('  ');
    const epochs = run.summary ? `${run.summary.epochs}/${run.settings.epochs} epochs` : '';
    const star = run.meta.starred ? '★' : '';
    const name = run.meta.name ? `"${run.meta.name}"` : '';
    io.out(
      [star, run.runId, name, run.status.padEnd(11), run.dataset, epochs, figures, test]
        .filter(Boolean)
        .join('  '),
    );
    if (run.meta.note) io.out(`    note: ${run.meta.note.replace(/\s*\n\s*/g, ' ')}`);
  }
  return EXIT.ok;
}

/** `strata runs rename|note|star`: changes what the user says about a run. */
export async function runsUpdateCommand(
  file: string,
  runId: string,
  change: RunMeta,
  io: CliIo,
): Promise<number> {
  const updated = await updateRunMeta(file, runId, change);
  if (!updated.ok) {
    io.err(`strata: ${updated.error.message}`);
    return EXIT.failed;
  }
  const { name, note, starred } = updated.result;
  io.out(
    `Run ${runId}: ${name ? `named "${name}"` : 'no name'}, ${note ? 'a note' : 'no note'}, ${starred ? 'starred' : 'not starred'}.`,
  );
  return EXIT.ok;
}

/** `strata runs rm <project> <run-id>`: deletes a run's folder (weights, log, checkpoints). */
export async function runsRemoveCommand(file: string, runId: string, io: CliIo): Promise<number> {
  const removed = await deleteRun(file, runId);
  if (!removed.ok) {
    io.err(`strata: ${removed.error.message}`);
    return EXIT.failed;
  }
  io.out(`Deleted run ${runId}.`);
  return EXIT.ok;
}
