import { useEffect, useState } from 'react';
import { progressOf, type RunView } from './runState.js';
import { formatDuration } from './timeLeft.js';

const STATUS: Record<RunView['status'], string> = {
  starting: 'Starting…',
  running: 'Training',
  paused: 'Paused',
  finished: 'Finished',
  stopped: 'Stopped',
  failed: 'Failed',
};

/** Epoch, step, a progress bar and time left; ticks every second while the run trains. */
export function ProgressPanel({ run }: { run: RunView }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (run.status !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [run.status]);
  const progress = progressOf(run, Math.max(now, run.activeSince ?? 0));
  const last = run.batches.at(-1);
  const percent = Math.round(progress.fraction * 100);
  return (
    <section className="progress-panel" data-testid="run-progress" data-status={run.status}>
      <div className="progress-line">
        <strong>{STATUS[run.status]}</strong>
        <span data-testid="progress-epoch">
          epoch {progress.epoch}/{progress.epochs}
        </span>
        <span data-testid="progress-step">
          step {progress.stepInEpoch}/{progress.stepsPerEpoch}
        </span>
        {progress.secondsLeft !== undefined && (
          <span>{formatDuration(progress.secondsLeft)} left</span>
        )}
        {last && <span className="muted">{Math.round(last.samplesPerSecond)} samples/s</span>}
        {run.started && (
          <span className="muted" title={run.started.backendReason}>
            on {run.started.backend}
          </span>
        )}
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </section>
  );
}
