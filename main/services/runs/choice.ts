import { listRuns, type RunListing } from './runs.js';

/** The run whose weights an export takes when none is named: the newest finished one. */
export async function newestFinishedRun(projectPath: string): Promise<RunListing | undefined> {
  return (await listRuns(projectPath)).find((run) => run.status === 'finished');
}

const figure = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(4));

/** A run in one line for an export's report: id, name, status, epochs and its last figures. */
export function describeRun(run: RunListing): string {
  const { summary } = run;
  const named = run.meta.name ? ` "${run.meta.name}"` : '';
  if (!summary) return `run ${run.runId}${named} (${run.status})`;
  const scores = summary.test ?? summary.validation;
  const where = summary.test ? 'test' : 'validation';
  const shown = Object.entries(scores)
    .map(([k, v]) => `${where} ${k} ${figure(v)}`)
    .join(', ');
  return `run ${run.runId}${named} (${summary.status}, ${summary.epochs} epochs${shown ? `, ${shown}` : ''})`;
}
