import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { openSpirals } from '../../services/datasets/synthetic/spirals.js';
import { RunControl } from './control.js';
import { runTrainingLoop } from './loop.js';
import { createOptimizer } from './optimizers.js';
import { supervisedRunner } from './supervised.js';
import type { TaskRunner } from './task-runner.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const STEP_MS = 10;
const VALIDATION_MS = 5_000;

/**
 * Two epochs on a clock that only the runner moves: each training step takes 10 ms, each
 * validation pass 5 s, as a slow evaluation on a large validation split would.
 */
async function trainOnFakeClock() {
  let clock = 0;
  const dataset = openSpirals({ perClass: 200 });
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [2] })],
  });
  const settings = trainingSettingsSchema.parse({ batchSize: 32, epochs: 2, validationSplit: 0.2 });
  const inner = supervisedRunner(
    'classification',
    model,
    'sparse_categorical_crossentropy',
    createOptimizer(settings.optimizer),
    dataset,
  );
  const runner: TaskRunner = {
    ...inner,
    step(batch, clipNorm) {
      clock += STEP_MS;
      return inner.step(batch, clipNorm);
    },
    evaluate(data, split, batchSize) {
      clock += VALIDATION_MS;
      return inner.evaluate(data, split, batchSize);
    },
  };
  const events: TrainingEvent[] = [];
  await runTrainingLoop({
    runId: 'throughput',
    runner,
    dataset,
    settings,
    backend: { name: 'cpu', reason: 'test', detail: 'plain JavaScript' },
    params: { trainable: model.countParams(), nonTrainable: 0 },
    control: new RunControl(),
    emit: (event) => events.push(event),
    eventIntervalMs: 0,
    now: () => clock,
  });
  return { events, dataset };
}

describe('training throughput', () => {
  it('counts training time only: validation does not slow the next epoch’s samples/s', async () => {
    const { events } = await trainOnFakeClock();
    const batches = events.filter((e) => e.type === 'batch');
    const secondEpoch = batches.filter((e) => e.epoch === 2);
    expect(secondEpoch.length).toBeGreaterThan(1);
    // Full batches of 32 in 10 ms each: 3,200 samples/s, the first batch after validation too.
    expect(secondEpoch[0]!.samplesPerSecond).toBeCloseTo(3_200, 6);
    for (const event of batches.filter((e) => e.batches === 1 && e.samplesPerSecond > 0)) {
      expect(event.samplesPerSecond).toBeLessThanOrEqual(3_200 + 1e-6);
    }
  });

  it('reports each epoch’s training samples/s beside its wall time, and the backend’s detail', async () => {
    const { events, dataset } = await trainOnFakeClock();
    const started = events.find((e) => e.type === 'started');
    expect(started).toMatchObject({ backendDetail: 'plain JavaScript' });
    const epochs = events.filter((e) => e.type === 'epoch');
    const train = dataset.size('train');
    const steps = Math.ceil(train / 32);
    for (const epoch of epochs) {
      expect(epoch.samplesPerSecond).toBeCloseTo(train / ((steps * STEP_MS) / 1000), 6);
      expect(epoch.seconds).toBeCloseTo((steps * STEP_MS + VALIDATION_MS) / 1000, 6);
    }
  });
});
