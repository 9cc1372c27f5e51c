import { useTraining } from '../training/trainingStore.js';

/** Statuses of runs that saved their model when they ended. */
const SAVED = new Set(['finished', 'stopped']);

/**
 * The run on the dashboard when it has a trained model to test (it finished or was stopped),
 * with its dataset's schema; undefined otherwise.
 */
export function useTrainedRun() {
  const runId = useTraining((s) => s.currentRunId);
  const run = useTraining((s) => s.history.find((r) => r.runId === runId));
  const dataset = useTraining((s) => s.datasets.find((d) => d.id === run?.dataset));
  if (!run || !SAVED.has(run.status)) return undefined;
  return { runId: run.runId, dataset };
}
