import { useEffect, useState } from 'react';
import { describeResume } from '../../shared/training/resume-text.js';
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
      {run.started?.resumedFrom && <ResumeNote from={run.started.resumedFrom} />}
      {run.test && <TestFigures test={run.test} />}
    </section>
  );
}

/** The test set's figures once the run ended: what the model does on examples it never saw. */
function TestFigures({ test }: { test: NonNullable<RunView['test']> }) {
  const figures = Object.entries(test.metrics).map(
    ([name, value]) => `${name} ${value.toFixed(4)}`,
  );
  return (
    <div className="progress-line" data-testid="test-metrics">
      <strong>Test set</strong>
      <span>{test.examples.toLocaleString('en-US')} examples</span>
      {figures.map((f) => (
        <span key={f}>test {f}</span>
      ))}
    </div>
  );
}

type ResumedFrom = NonNullable<NonNullable<RunView['started']>['resumedFrom']>;

/** Where a resumed run continued from, and any newer checkpoint it could not use, and why. */
function ResumeNote({ from }: { from: ResumedFrom }) {
  const { resumed, skipped } = describeResume(from);
  return (
    <div className="resume-note" data-testid="resume-note">
      <span className="muted">{resumed[0].toUpperCase() + resumed.slice(1)}</span>
      {skipped.map((line) => (
        <span key={line} role="status" className="run-warning">
          {line[0].toUpperCase() + line.slice(1)}
        </span>
      ))}
    </div>
  );
}
