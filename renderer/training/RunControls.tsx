import { useEditor } from '../store/editorStore.js';
import { cannotTrain, controlRun, startRun } from './actions.js';
import { currentRun, useTraining } from './trainingStore.js';

/** Train, pause, resume, stop, and continue a stopped run from its checkpoint. */
export function RunControls() {
  const run = useTraining(currentRun);
  const error = useTraining((s) => s.error);
  // Re-render when the file is saved: training needs a saved project.
  useEditor((s) => s.path);
  const refused = cannotTrain();
  const active =
    run?.status === 'starting' || run?.status === 'running' || run?.status === 'paused';
  const resumable = run && !active && run.status !== 'finished' && run.checkpoints.length > 0;
  return (
    <div className="run-controls" role="toolbar" aria-label="Run controls">
      <button
        type="button"
        className="primary"
        disabled={active || refused !== null}
        title={refused ?? 'Train the recipe'}
        onClick={() => void startRun()}
      >
        Train
      </button>
      {run?.status === 'paused' ? (
        <button type="button" onClick={() => void controlRun('resume')}>
          Resume
        </button>
      ) : (
        <button
          type="button"
          disabled={run?.status !== 'running'}
          onClick={() => void controlRun('pause')}
        >
          Pause
        </button>
      )}
      <button type="button" disabled={!active} onClick={() => void controlRun('stop')}>
        Stop
      </button>
      {resumable && (
        <button
          type="button"
          title={`Continue from the last checkpoint (epoch ${run.checkpoints.at(-1)!.epoch}, step ${run.checkpoints.at(-1)!.step})`}
          onClick={() => void startRun(run.runId)}
        >
          Resume from checkpoint
        </button>
      )}
      {refused && <span className="muted">{refused}</span>}
      {error && (
        <span className="run-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
