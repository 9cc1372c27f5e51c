import { listRuns } from '../../services/runs/runs.js';
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
    const epochs = run.summary ? `${run.summary.epochs}/${run.settings.epochs} epochs` : '';
    io.out(
      [run.runId, run.status.padEnd(11), run.dataset, epochs, figures].filter(Boolean).join('  '),
    );
  }
  return EXIT.ok;
}
