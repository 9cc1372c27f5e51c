import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { openSpirals } from '../../services/datasets/synthetic/spirals.js';
import { RunControl } from './control.js';
import { runTrainingLoop, type LoopOptions } from './loop.js';
import { createOptimizer } from './optimizers.js';
import { supervisedRunner } from './supervised.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Seeded initial weights keep the test's learning curve the same on every run. */
function classifier(): tf.LayersModel {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  return tf.sequential({
    layers: [
      tf.layers.dense({
        units: 32,
        activation: 'relu',
        inputShape: [2],
        kernelInitializer: init(1),
      }),
      tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: init(3) }),
    ],
  });
}

function setup(overrides: Partial<LoopOptions> = {}, settings: object = {}) {
  const dataset = openSpirals({ perClass: 500 });
  const model = classifier();
  const parsed = trainingSettingsSchema.parse({
    batchSize: 32,
    epochs: 3,
    optimizer: { name: 'adam', learningRate: 0.03 },
    ...settings,
  });
  const optimizer = createOptimizer(parsed.optimizer);
  const events: TrainingEvent[] = [];
  const control = new RunControl();
  const options: LoopOptions = {
    runId: 'test',
    runner: supervisedRunner(
      'classification',
      model,
      'sparse_categorical_crossentropy',
      optimizer,
      dataset,
    ),
    dataset,
    settings: parsed,
    backend: { name: 'cpu', reason: 'test' },
    params: { trainable: model.countParams(), nonTrainable: 0 },
    control,
    emit: (event) => events.push(event),
    eventIntervalMs: 0,
    ...overrides,
  };
  const dispose = () => {
    model.dispose();
    optimizer.dispose();
  };
  return { options, events, control, model, dispose };
}

const ofType = <T extends TrainingEvent['type']>(events: TrainingEvent[], type: T) =>
  events.filter((e): e is Extract<TrainingEvent, { type: T }> => e.type === type);

describe('runTrainingLoop', () => {
  it('trains a classifier: the loss falls and events arrive in order', async () => {
    const { options, events, dispose } = setup({}, { epochs: 10 });
    expect(await runTrainingLoop(options)).toBe('finished');
    const epochs = ofType(events, 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(epochs[9].train.loss).toBeLessThan(epochs[0].train.loss * 0.8);
    expect(epochs[9].validation.accuracy).toBeGreaterThan(0.8);
    expect(events[0].type).toBe('started');
    expect(events.at(-1)?.type).toBe('finished');
    const confusion = ofType(events, 'confusion')[0];
    const total = confusion.matrix.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(options.dataset.size('validation'));
    dispose();
  });

  it('pauses, resumes and stops within one batch', async () => {
    const { options, events, control, dispose } = setup({}, { epochs: 50 });
    let batchesSeen = 0;
    let pausedNow: () => void = () => {};
    const pausedSeen = new Promise<void>((resolve) => (pausedNow = resolve));
    options.emit = (event) => {
      events.push(event);
      if (event.type === 'paused') pausedNow();
      if (event.type !== 'batch') return;
      batchesSeen += 1;
      if (batchesSeen === 2) control.pause();
      if (batchesSeen === 3) control.stop();
    };
    const done = runTrainingLoop(options);
    await pausedSeen;
    // Give the loop many turns of the event loop: a paused loop trains no batch in them.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    const paused = ofType(events, 'paused')[0];
    expect(paused.step).toBe(2);
    expect(ofType(events, 'batch')).toHaveLength(2);
    control.resume();
    expect(await done).toBe('stopped');
    expect(ofType(events, 'stopped')[0].step).toBe(3);
    dispose();
  });

  it('stops on a NaN loss without applying the bad step', async () => {
    const { options, events, model, dispose } = setup({}, { optimizer: { name: 'sgd' } });
    options.settings.optimizer.learningRate = 1e30; // beyond what the schema allows: forces a blow-up
    expect(await runTrainingLoop(options)).toBe('stopped');
    const stopped = ofType(events, 'stopped')[0];
    expect(stopped.reason).toMatch(/loss became (NaN|Infinity)/);
    const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    expect(weights.every(Number.isFinite)).toBe(true);
    dispose();
  });

  it('resumes from its checkpoint where it left off', async () => {
    const checkpointDir = await mkdtemp(join(tmpdir(), 'strata-loop-'));
    const first = setup({ checkpointDir }, { epochs: 2 });
    await runTrainingLoop(first.options);
    first.dispose();
    const second = setup({ checkpointDir, resume: true }, { epochs: 3 });
    expect(await runTrainingLoop(second.options)).toBe('finished');
    const started = ofType(second.events, 'started')[0];
    expect(started.resumedFrom?.epoch).toBe(2);
    expect(ofType(second.events, 'epoch').map((e) => e.epoch)).toEqual([3]);
    second.dispose();
  });

  it('stopped inside an epoch, checkpoints that batch and resumes from the next one', async () => {
    const whole = setup({}, { epochs: 1 });
    await runTrainingLoop(whole.options);
    whole.dispose();
    const lossAt = new Map(ofType(whole.events, 'batch').map((b) => [b.step, b.loss]));

    const checkpointDir = await mkdtemp(join(tmpdir(), 'strata-loop-'));
    const first = setup({ checkpointDir }, { epochs: 1 });
    first.options.emit = (event) => {
      first.events.push(event);
      if (event.type === 'batch' && event.step === 5) first.control.stop();
    };
    expect(await runTrainingLoop(first.options)).toBe('stopped');
    first.dispose();
    expect(ofType(first.events, 'checkpoint')).toEqual([
      {
        type: 'checkpoint',
        epoch: 1,
        step: 5,
        path: join(checkpointDir, 'epoch-00001-batch-00005'),
      },
    ]);

    const second = setup({ checkpointDir, resume: true }, { epochs: 1 });
    expect(await runTrainingLoop(second.options)).toBe('finished');
    second.dispose();
    expect(ofType(second.events, 'started')[0].resumedFrom).toEqual({
      epoch: 0,
      step: 5,
      batch: 5,
      checkpoint: 'epoch-00001-batch-00005',
    });
    const resumed = ofType(second.events, 'batch');
    expect(resumed[0].step).toBe(6);
    expect(resumed.at(-1)?.step).toBe(lossAt.size);
    // Same batches, same weights and optimizer state: the losses are those of the run never stopped.
    for (const batch of resumed) expect(batch.loss).toBeCloseTo(lossAt.get(batch.step)!, 4);
  });

  it('says which newer checkpoint it skipped and why', async () => {
    const checkpointDir = await mkdtemp(join(tmpdir(), 'strata-loop-'));
    const first = setup({ checkpointDir }, { epochs: 2 });
    await runTrainingLoop(first.options);
    first.dispose();
    await writeFile(join(checkpointDir, 'epoch-00002', 'model-main.bin'), 'garbage');
    const second = setup({ checkpointDir, resume: true }, { epochs: 2 });
    expect(await runTrainingLoop(second.options)).toBe('finished');
    second.dispose();
    expect(ofType(second.events, 'started')[0].resumedFrom).toEqual({
      epoch: 1,
      step: expect.any(Number),
      checkpoint: 'epoch-00001',
      skipped: [
        { checkpoint: 'epoch-00002', reason: 'model-main.bin is corrupt (checksum mismatch)' },
      ],
    });
    expect(ofType(second.events, 'epoch').map((e) => e.epoch)).toEqual([2]);
  });

  it('refuses to resume without a usable checkpoint, and keeps the broken ones', async () => {
    const checkpointDir = await mkdtemp(join(tmpdir(), 'strata-loop-'));
    const none = setup({ checkpointDir, resume: true });
    expect(await runTrainingLoop(none.options)).toBe('failed');
    none.dispose();
    expect(none.events).toEqual([
      {
        type: 'failed',
        reason:
          'Cannot resume run "test": it has no checkpoint (it stopped before saving one). Start a new run instead.',
      },
    ]);

    const first = setup({ checkpointDir }, { epochs: 1 });
    await runTrainingLoop(first.options);
    first.dispose();
    await writeFile(join(checkpointDir, 'epoch-00001', 'manifest.json'), '{');
    const second = setup({ checkpointDir, resume: true }, { epochs: 3 });
    expect(await runTrainingLoop(second.options)).toBe('failed');
    second.dispose();
    expect(ofType(second.events, 'failed')[0].reason).toMatch(
      /^Cannot resume run "test": none of its checkpoints can be used \(epoch-00001: its manifest\.json is not valid JSON\)\. They were kept/,
    );
    expect(ofType(second.events, 'batch')).toEqual([]);
    expect(await readdir(checkpointDir)).toEqual(['epoch-00001']);
  });

  it('fails, rather than finishes, on a dataset with no training examples', async () => {
    const { options, events, dispose } = setup();
    const empty = options.dataset;
    options.dataset = { ...empty, size: (split) => (split === 'train' ? 0 : empty.size(split)) };
    expect(await runTrainingLoop(options)).toBe('failed');
    dispose();
    expect(events).toEqual([
      {
        type: 'failed',
        reason: 'The dataset has no training examples: add examples or lower the validation split.',
      },
    ]);
  });

  it('returns the tensor count to where it started after 50 train/stop cycles', async () => {
    const warm = setup();
    warm.options.batchesPerEpoch = 1;
    await runTrainingLoop(warm.options);
    warm.dispose();
    const before = tf.memory().numTensors;
    for (let cycle = 0; cycle < 50; cycle++) {
      const run = setup();
      run.options.emit = (event) => {
        if (event.type === 'batch') run.control.stop();
      };
      expect(await runTrainingLoop(run.options)).toBe('stopped');
      run.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
