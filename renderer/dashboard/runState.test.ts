import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../shared/api/training-events.js';
import {
  applyEvent,
  applyEvents,
  newRun,
  progressOf,
  replayRun,
  type RunView,
} from './runState.js';

const started: TrainingEvent = {
  type: 'started',
  runId: 'r1',
  backend: 'cpu',
  backendReason: 'requested',
  params: { trainable: 10, nonTrainable: 0 },
  dataset: { train: 900, validation: 100, test: 0 },
  epochs: 2,
  stepsPerEpoch: 10,
};
const batch = (step: number, loss: number): TrainingEvent => ({
  type: 'batch',
  epoch: Math.ceil(step / 10),
  step,
  batches: 1,
  loss,
  metrics: { accuracy: 0.5 },
  learningRate: 0.001,
  samplesPerSecond: 100,
});

/** Applies events at the given times (ms). */
function play(timed: [TrainingEvent, number][]): RunView {
  return timed.reduce((run, [event, at]) => applyEvent(run, event, at), newRun('r1'));
}

describe('the dashboard state of a run', () => {
  it('keeps every batch and epoch point and the latest insight of each kind', () => {
    const run = play([
      [started, 0],
      [batch(1, 2.3), 100],
      [batch(2, 2.1), 200],
      [{ type: 'epoch', epoch: 1, train: { loss: 2 }, validation: { loss: 2.2 }, seconds: 1 }, 300],
      [
        {
          type: 'confusion',
          epoch: 1,
          labels: ['a', 'b'],
          matrix: [
            [1, 0],
            [0, 1],
          ],
        },
        300,
      ],
      [
        {
          type: 'confusion',
          epoch: 2,
          labels: ['a', 'b'],
          matrix: [
            [2, 0],
            [1, 1],
          ],
        },
        400,
      ],
    ]);
    expect(run.status).toBe('running');
    expect(run.batches.map((b) => b.loss)).toEqual([2.3, 2.1]);
    expect(run.epochs).toEqual([
      { epoch: 1, train: { loss: 2 }, validation: { loss: 2.2 }, seconds: 1 },
    ]);
    expect(run.confusion?.epoch).toBe(2);
    expect(run.started?.backend).toBe('cpu');
  });

  it('goes through pause, resume and stop, keeping the reason', () => {
    const paused = play([
      [started, 0],
      [{ type: 'paused', step: 3 }, 1000],
    ]);
    expect(paused.status).toBe('paused');
    const resumed = applyEvent(paused, { type: 'resumed', step: 3 }, 5000);
    expect(resumed.status).toBe('running');
    const stopped = applyEvent(
      resumed,
      { type: 'stopped', epoch: 1, step: 4, reason: 'Stopped by the user.' },
      6000,
    );
    expect(stopped).toMatchObject({ status: 'stopped', reason: 'Stopped by the user.' });
    // 1 s before the pause, 1 s after it; the 4 s of pause do not count.
    expect(stopped.activeSeconds).toBeCloseTo(2);
    expect(applyEvent(newRun('r'), { type: 'failed', reason: 'boom' }, 0)).toMatchObject({
      status: 'failed',
      reason: 'boom',
    });
  });

  it('measures progress and time left on active time only', () => {
    const run = play([
      [started, 0],
      [batch(1, 1), 2000],
      [{ type: 'paused', step: 1 }, 2000],
      [{ type: 'resumed', step: 1 }, 60_000],
      [batch(12, 1), 64_000],
    ]);
    const progress = progressOf(run, 64_000);
    // 12 of 20 steps in 6 s of training: 0.5 s a step, 8 steps left.
    expect(progress).toMatchObject({ epoch: 2, epochs: 2, stepInEpoch: 2, stepsPerEpoch: 10 });
    expect(progress.fraction).toBeCloseTo(12 / 20);
    expect(progress.secondsLeft).toBeCloseTo(4);
    const done = applyEvent(run, { type: 'finished', epoch: 2, step: 20 }, 70_000);
    expect(progressOf(done, 90_000)).toMatchObject({ fraction: 1, secondsLeft: undefined });
  });

  it('counts a resumed run from its checkpoint', () => {
    const run = play([
      [{ ...started, resumedFrom: { epoch: 1, step: 10 } } as TrainingEvent, 0],
      [batch(15, 1), 10_000],
    ]);
    // 5 steps in 10 s since the checkpoint; 5 of the 10 remaining steps are left.
    expect(progressOf(run, 10_000).secondsLeft).toBeCloseTo(10);
  });

  it('rebuilds a past run from its log without a clock', () => {
    const run = replayRun('old', [started, batch(1, 2), { type: 'finished', epoch: 2, step: 20 }]);
    expect(run).toMatchObject({ runId: 'old', status: 'finished', activeSeconds: 0 });
    expect(run.batches).toHaveLength(1);
  });

  it('folds several events at once exactly as one by one, leaving the input run as it was', () => {
    const events: TrainingEvent[] = [
      batch(1, 2.3),
      batch(2, 2.1),
      { type: 'paused', step: 2 },
      batch(3, 2.0),
      { type: 'epoch', epoch: 1, train: { loss: 2 }, validation: { loss: 2.2 }, seconds: 1 },
      batch(4, 1.9),
    ];
    const before = applyEvent(newRun('r1'), started, 0);
    const frozen = structuredClone(before);
    const together = applyEvents(before, events, 500);
    const oneByOne = events.reduce((run, event) => applyEvent(run, event, 500), before);
    expect(together).toEqual(oneByOne);
    expect(before).toEqual(frozen);
  });

  it('replays a long log in linear time', () => {
    const log = [started, ...Array.from({ length: 100_000 }, (_, i) => batch(i + 1, 1 / (i + 1)))];
    const start = performance.now();
    const run = replayRun('long', log);
    // One copy per event would move ~5e9 references here: minutes. Linear is well under a second;
    // the bound is loose so a busy machine cannot fail it, and a quadratic replay still would.
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(run.batches).toHaveLength(100_000);
    expect(run.batches.at(-1)?.step).toBe(100_000);
  });
});
