import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { createRun, findRun, RunRecorder, runsFolder } from './runs.js';

let folder = '';
let project = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-runs-'));
  project = join(folder, 'p.strata');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const newRun = () =>
  createRun(project, { dataset: 'iris', settings: trainingSettingsSchema.parse({}) });
const failed: TrainingEvent = { type: 'failed', reason: 'Unknown backend.' };
const started: TrainingEvent = {
  type: 'started',
  runId: 'r',
  backend: 'cpu',
  backendReason: 'requested',
  params: { trainable: 1, nonTrainable: 0 },
  dataset: { train: 1, validation: 0, test: 0 },
  epochs: 1,
  stepsPerEpoch: 1,
};

describe('RunRecorder.settle', () => {
  it('removes a new run that failed before it started, runs folder included', async () => {
    const { dir } = await newRun();
    const recorder = new RunRecorder(dir, { fresh: true });
    recorder.record(failed);
    expect(await recorder.settle()).toBe('discarded');
    expect(await readdir(folder)).toEqual([]);
  });

  it('keeps a new run that started, with its failure', async () => {
    const { dir } = await newRun();
    const recorder = new RunRecorder(dir, { fresh: true });
    recorder.record(started);
    recorder.record(failed);
    expect(await recorder.settle()).toBe('kept');
    expect(JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8'))).toMatchObject({
      status: 'failed',
    });
  });

  it('leaves a resumed run untouched when the resume fails before it starts', async () => {
    const { dir } = await newRun();
    const before = await readdir(dir);
    const recorder = new RunRecorder(dir, { resumed: true });
    recorder.record(failed);
    expect(await recorder.settle()).toBe('unchanged');
    expect(await readdir(dir)).toEqual(before);
  });
});

describe('findRun', () => {
  it('finds a run, says when there is none, and refuses what is not a run id', async () => {
    const { runId, dir } = await newRun();
    expect(await findRun(project, runId)).toEqual({ ok: true, result: dir });
    expect(await findRun(project, 'no-such-run')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'The project has no run "no-such-run".' },
    });
    for (const id of ['../p', '', '.hidden', 'a/b']) {
      expect(await findRun(project, id)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(runsFolder(project)).toBe(join(folder, 'p.runs'));
  });
});
