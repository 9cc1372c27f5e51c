import type { RunListingView } from '../../shared/api/contract.js';
import { showRun, toggleOverlay } from './actions.js';
import { useTraining } from './trainingStore.js';

const figure = (value: number | undefined) =>
  value === undefined ? '–' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);

/** The run's main settings in a few words. */
function settingsText(run: RunListingView): string {
  const s = run.settings as {
    optimizer?: { name?: string; learningRate?: number };
    batchSize?: number;
    epochs?: number;
  };
  return `${s.optimizer?.name ?? '?'} lr ${s.optimizer?.learningRate ?? '?'} · batch ${s.batchSize ?? '?'} · ${s.epochs ?? '?'} epochs`;
}

/** The project's runs, newest first: open one on the dashboard, tick others to overlay them. */
export function RunsList() {
  const history = useTraining((s) => s.history);
  const current = useTraining((s) => s.currentRunId);
  const overlay = useTraining((s) => s.overlay);
  if (history.length === 0) return <p className="empty-note">No runs of this project yet.</p>;
  return (
    <ul className="runs-list" aria-label="Runs" data-testid="runs-list">
      {history.map((run) => {
        const val = run.validation ?? {};
        const valLoss = val.loss;
        const valAccuracy = val.accuracy;
        return (
          <li
            key={run.runId}
            className={run.runId === current ? 'run-item current' : 'run-item'}
            data-run-id={run.runId}
          >
            <input
              type="checkbox"
              aria-label={`Overlay run ${run.runId}`}
              title="Draw on the same charts"
              disabled={run.runId === current}
              checked={overlay.includes(run.runId)}
              onChange={() => void toggleOverlay(run.runId)}
            />
            <button type="button" className="run-open" onClick={() => void showRun(run.runId)}>
              <span className="run-when">{new Date(run.startedAt).toLocaleString()}</span>
              <span className={`run-status status-${run.status}`}>{run.status}</span>
              <span className="run-settings muted">
                {run.dataset} · {settingsText(run)}
              </span>
              <span className="run-figures">
                {run.epochs ?? 0} epochs · val loss {figure(valLoss)}
                {valAccuracy !== undefined && ` · val accuracy ${figure(valAccuracy)}`}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
