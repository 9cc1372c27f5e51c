import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cannotResume, checkpointFolders, latestIntactCheckpoint } from './checkpoint-files.js';
import { restoreLatestCheckpoint, saveCheckpoint, type CheckpointState } from './checkpoints.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function tinyModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 3, inputShape: [2] }));
  return model;
}

async function trainedAdam(model: tf.LayersModel): Promise<tf.Optimizer> {
  const optimizer = tf.train.adam(0.1);
  const x = tf.ones([4, 2]);
  optimizer.minimize(() => tf.mean(tf.square(model.apply(x) as tf.Tensor)) as tf.Scalar);
  x.dispose();
  return optimizer;
}

const state = (epoch: number): CheckpointState => ({
  epoch,
  step: epoch * 10,
  bestValidationLoss: 1 / epoch,
  epochsWithoutImprovement: 0,
});

const weightsOf = (model: tf.LayersModel) =>
  model.getWeights().map((w) => Array.from(w.dataSync()));

describe('checkpoints', () => {
  it('restore the weights, optimizer state and position that were saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-ckpt-'));
    const model = tinyModel();
    const optimizer = await trainedAdam(model);
    await saveCheckpoint(
      dir,
      { models: { main: model }, optimizers: { main: optimizer } },
      state(1),
    );
    const saved = weightsOf(model);
    const savedOptimizer = (await optimizer.getWeights()).map((w) =>
      Array.from(w.tensor.dataSync()),
    );

    const fresh = tinyModel();
    const freshOptimizer = tf.train.adam(0.1);
    const restored = await restoreLatestCheckpoint(dir, {
      models: { main: fresh },
      optimizers: { main: freshOptimizer },
    });
    expect(restored.restored?.state).toEqual(state(1));
    expect(weightsOf(fresh)).toEqual(saved);
    const restoredOptimizer = await freshOptimizer.getWeights();
    expect(restoredOptimizer.map((w) => Array.from(w.tensor.dataSync()))).toEqual(savedOptimizer);
  });

  it('fall back to the previous checkpoint when the newest is corrupt', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-ckpt-'));
    const model = tinyModel();
    const trainables = { models: { main: model }, optimizers: {} };
    await saveCheckpoint(dir, trainables, state(1));
    const atEpochOne = weightsOf(model);
    model.setWeights(model.getWeights().map((w) => tf.add(w, 1)));
    const newest = await saveCheckpoint(dir, trainables, state(2));
    await writeFile(join(newest, 'model-main.bin'), 'garbage');

    const fresh = tinyModel();
    const restored = await restoreLatestCheckpoint(dir, {
      models: { main: fresh },
      optimizers: {},
    });
    expect(restored.restored?.state.epoch).toBe(1);
    expect(restored.restored?.checkpoint).toBe('epoch-00001');
    expect(restored.skipped).toEqual([
      { checkpoint: 'epoch-00002', reason: 'model-main.bin is corrupt (checksum mismatch)' },
    ]);
    expect(weightsOf(fresh)).toEqual(atEpochOne);
  });

  it('refuse a checkpoint of another architecture without touching the weights', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-ckpt-'));
    await saveCheckpoint(dir, { models: { main: tinyModel() }, optimizers: {} }, state(1));
    const other = tf.sequential({ layers: [tf.layers.dense({ units: 5, inputShape: [2] })] });
    const before = weightsOf(other);
    const restored = await restoreLatestCheckpoint(dir, {
      models: { main: other },
      optimizers: {},
    });
    expect(restored.restored).toBeUndefined();
    expect(restored.skipped).toEqual([
      {
        checkpoint: 'epoch-00001',
        reason: expect.stringMatching(/has another shape than the model's/),
      },
    ]);
    expect(weightsOf(other)).toEqual(before);
  });

  it('leave no tensors behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-ckpt-'));
    const model = tinyModel();
    const optimizer = await trainedAdam(model);
    const trainables = { models: { main: model }, optimizers: { main: optimizer } };
    await saveCheckpoint(dir, trainables, state(1));
    const before = tf.memory().numTensors;
    await saveCheckpoint(dir, trainables, state(2));
    const fresh = { models: { main: tinyModel() }, optimizers: { main: tf.train.adam(0.1) } };
    expect((await restoreLatestCheckpoint(dir, fresh)).restored).toBeDefined();
    fresh.models.main.dispose();
    fresh.optimizers.main.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuse no-checkpoint and every-checkpoint-broken alike, saying why for each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-ckpt-'));
    const trainables = { models: { main: tinyModel() }, optimizers: {} };
    expect(await latestIntactCheckpoint(join(dir, 'none-yet'))).toEqual({ skipped: [] });
    const first = await saveCheckpoint(dir, trainables, state(1));
    const second = await saveCheckpoint(dir, trainables, state(2));
    await writeFile(join(first, 'manifest.json'), '{ not json');
    await rm(join(second, 'model-main.bin'));
    const found = await latestIntactCheckpoint(dir);
    expect(found).toEqual({
      skipped: [
        { checkpoint: 'epoch-00002', reason: 'model-main.bin is missing' },
        { checkpoint: 'epoch-00001', reason: 'its manifest.json is not valid JSON' },
      ],
    });
    expect(cannotResume(found.skipped, 'run "r1"')).toBe(
      'Cannot resume run "r1": none of its checkpoints can be used (epoch-00002: model-main.bin is missing; epoch-00001: its manifest.json is not valid JSON). They were kept as they are; start a new run instead.',
    );
    const restored = await restoreLatestCheckpoint(dir, trainables);
    expect(restored.restored).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual(['epoch-00001', 'epoch-00002']);
  });

  it('name a checkpoint taken inside an epoch by its batch, and order it between epochs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-ckpt-'));
    const trainables = { models: { main: tinyModel() }, optimizers: {} };
    await saveCheckpoint(dir, trainables, state(1));
    const stopped = { ...state(1), step: 17, partial: { batches: 7, sums: { loss: 3.5 } } };
    expect(await saveCheckpoint(dir, trainables, stopped)).toBe(
      join(dir, 'epoch-00002-batch-00007'),
    );
    expect(await checkpointFolders(dir)).toEqual(['epoch-00001', 'epoch-00002-batch-00007']);
    const restored = await restoreLatestCheckpoint(dir, {
      models: { main: tinyModel() },
      optimizers: {},
    });
    expect(restored.restored?.state).toEqual(stopped);
    await saveCheckpoint(dir, trainables, state(2));
    expect(await checkpointFolders(dir)).toEqual([
      'epoch-00001',
      'epoch-00002-batch-00007',
      'epoch-00002',
    ]);
  });

  it('keep only the newest three and leave no temporary folders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-ckpt-'));
    const trainables = { models: { main: tinyModel() }, optimizers: {} };
    for (let epoch = 1; epoch <= 5; epoch++) await saveCheckpoint(dir, trainables, state(epoch));
    expect((await readdir(dir)).sort()).toEqual(['epoch-00003', 'epoch-00004', 'epoch-00005']);
  });
});
