import type { TrainingEvent } from '../../shared/api/training-events.js';
import { secondsLeft } from './timeLeft.js';

type EventOf<T extends TrainingEvent['type']> = Extract<TrainingEvent, { type: T }>;

/** One (coalesced) batch event as a chart point. */
export type BatchPoint = Omit<EventOf<'batch'>, 'type' | 'batches'>;

/** One epoch's figures for train and validation. */
export type EpochPoint = Omit<EventOf<'epoch'>, 'type'>;

/** Where a run stands. */
export type RunStatus = 'starting' | 'running' | 'paused' | 'finished' | 'stopped' | 'failed';

/**
 * Everything the dashboard draws for one run, built only from its events: every point is
 * kept here (charts downsample what they draw), with the latest confusion matrix, sample
 * predictions and generated samples.
 */
export interface RunView {
  runId: string;
  status: RunStatus;
  started?: Omit<EventOf<'started'>, 'type' | 'runId'>;
  batches: BatchPoint[];
  epochs: EpochPoint[];
  confusion?: Omit<EventOf<'confusion'>, 'type'>;
  predictions?: Omit<EventOf<'predictions'>, 'type'>;
  generated?: Omit<EventOf<'generated'>, 'type'>;
  checkpoints: Omit<EventOf<'checkpoint'>, 'type'>[];
  /** Figures on the test set, once the run ended. */
  test?: Omit<EventOf<'test'>, 'type'>;
  /** Why it stopped or failed. */
  reason?: string;
  /** Seconds spent training before `activeSince`; pauses do not count. */
  activeSeconds: number;
  /** When training last started or resumed (ms), while it runs. */
  activeSince?: number;
}

/** The event's fields without its `type` tag (and any other keys named). */
function without<E extends TrainingEvent, K extends keyof E = never>(
  event: E,
  ...keys: K[]
): Omit<E, 'type' | K> {
  const copy: Partial<E> = { ...event };
  delete copy.type;
  for (const key of keys) delete copy[key];
  return copy as Omit<E, 'type' | K>;
}

/** A run before its first event. */
export function newRun(runId: string): RunView {
  return { runId, status: 'starting', batches: [], epochs: [], checkpoints: [], activeSeconds: 0 };
}

/** Stops the clock of active training at `now`. */
function stopClock(run: RunView, now: number): Pick<RunView, 'activeSeconds' | 'activeSince'> {
  const extra = run.activeSince === undefined ? 0 : Math.max(0, now - run.activeSince) / 1000;
  return { activeSeconds: run.activeSeconds + extra, activeSince: undefined };
}

/** The run after one more event, received at `now` (ms). Pure: the input is not changed. */
export function applyEvent(run: RunView, event: TrainingEvent, now: number): RunView {
  switch (event.type) {
    case 'started':
      return {
        ...run,
        status: 'running',
        started: without(event, 'runId'),
        activeSince: now,
        reason: undefined,
      };
    case 'batch':
      return { ...run, batches: run.batches.concat([without(event, 'batches')]) };
    case 'epoch':
      return { ...run, epochs: [...run.epochs, without(event)] };
    case 'confusion':
      return { ...run, confusion: without(event) };
    case 'predictions':
      return { ...run, predictions: without(event) };
    case 'generated':
      return { ...run, generated: without(event) };
    case 'checkpoint':
      return { ...run, checkpoints: [...run.checkpoints, without(event)] };
    case 'test':
      return { ...run, test: without(event) };
    case 'paused':
      return { ...run, status: 'paused', ...stopClock(run, now) };
    case 'resumed':
      return { ...run, status: 'running', activeSince: now };
    case 'finished':
      return { ...run, status: 'finished', ...stopClock(run, now) };
    case 'stopped':
    case 'failed':
      return { ...run, status: event.type, reason: event.reason, ...stopClock(run, now) };
  }
}

/**
 * The run after several events received at `now`: the same as applying them one by one, but
 * the batch list is copied once rather than once per event, so folding in a frame's worth of
 * events (or a whole log) costs the events, not the events times the run's length.
 */
export function applyEvents(run: RunView, events: readonly TrainingEvent[], now: number): RunView {
  let view = run;
  let pending: BatchPoint[] = [];
  const flush = () => {
    if (pending.length > 0) view = { ...view, batches: view.batches.concat(pending) };
    pending = [];
  };
  for (const event of events) {
    if (event.type === 'batch') {
      pending.push(without(event, 'batches'));
    } else {
      flush();
      view = applyEvent(view, event, now);
    }
  }
  flush();
  return view;
}

/** A past run rebuilt from its log (its clock is not known, so no time left is shown). */
export function replayRun(runId: string, events: readonly TrainingEvent[]): RunView {
  const run = applyEvents(newRun(runId), events, 0);
  return { ...run, activeSeconds: 0, activeSince: undefined };
}

/** What the progress bar shows. */
export interface Progress {
  epoch: number;
  epochs: number;
  /** Steps done in the current epoch, 1-based while training. */
  stepInEpoch: number;
  stepsPerEpoch: number;
  /** Of the whole run, 0–1. */
  fraction: number;
  secondsLeft?: number;
}

/** The run's progress at `now` (ms). */
export function progressOf(run: RunView, now: number): Progress {
  const epochs = run.started?.epochs ?? 0;
  const stepsPerEpoch = Math.max(1, run.started?.stepsPerEpoch ?? 1);
  const firstStep = run.started?.resumedFrom?.step ?? 0;
  const last = run.batches.at(-1);
  const step = last?.step ?? firstStep;
  const total = epochs * stepsPerEpoch;
  const done = run.status === 'finished' ? total : step;
  const active =
    run.activeSeconds +
    (run.activeSince === undefined ? 0 : Math.max(0, now - run.activeSince) / 1000);
  const running = run.status === 'running' || run.status === 'paused';
  return {
    epoch: last?.epoch ?? run.started?.resumedFrom?.epoch ?? 0,
    epochs,
    stepInEpoch: step === 0 ? 0 : ((step - 1) % stepsPerEpoch) + 1,
    stepsPerEpoch,
    fraction: total === 0 ? 0 : Math.min(1, done / total),
    secondsLeft: running ? secondsLeft(step - firstStep, total - firstStep, active) : undefined,
  };
}
