import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { Project } from '../../../shared/project/schema.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { startTraining } from '../../engine/trainer/session.js';
import { createRun } from '../runs/runs.js';
import { TrainingService } from './service.js';

let base: string;
let file: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'strata-training-'));
  file = join(base, 'digits.strata');
});
afterAll(() => rm(base, { recursive: true, force: true }));

/** The MLP template trained briefly: small batches, few of them. */
function project(epochs: number): Project {
  const template = structuredClone(findTemplate('mlp-mnist')!.project);
  return { ...template, recipe: { ...template.recipe, epochs, batchSize: 16 } };
}

/** A service whose events are kept per run, with a hook to react to each. */
function recordingService(
  react: (service: TrainingService, runId: string, event: TrainingEvent) => void = () => {},
  launch?: ConstructorParameters<typeof TrainingService>[1],
) {
  const events = new Map<string, TrainingEvent[]>();
  const service: TrainingService = new TrainingService((runId, event) => {
    events.set(runId, [...(events.get(runId) ?? []), event]);
    react(service, runId, event);
  }, launch);
  return { service, events };
}

describe('TrainingService', () => {
  it('trains a short run beside the project, lists it with its final figures and returns its log', async () => {
    const { service, events } = recordingService();
    const started = await service.start(file, project(1), { backend: 'cpu', batchesPerEpoch: 3 });
    expect(started.ok).toBe(true);
    const { runId } = (started as { ok: true; result: { runId: string } }).result;
    expect(service.running).toContain(runId);
    await service.settled(runId);

    const emitted = events.get(runId)!;
    expect(emitted[0]).toMatchObject({ type: 'started', backend: 'cpu', epochs: 1 });
    expect(emitted.at(-1)).toMatchObject({ type: 'finished', epoch: 1, step: 3 });
    const epoch = emitted.find((e) => e.type === 'epoch')!;

    const [listed] = await service.list(file);
    expect(listed).toMatchObject({ runId, status: 'finished', dataset: 'mnist-flat', epochs: 1 });
    expect(listed.validation).toEqual(epoch.validation);
    expect(listed.settings).toMatchObject({ batchSize: 16, epochs: 1 });

    const log = await service.log(file, runId);
    expect(log).toEqual({ ok: true, result: emitted });
  });

  it('pauses, resumes and stops a run between batches', async () => {
    const seen: string[] = [];
    const { service, events } = recordingService((svc, runId, event) => {
      seen.push(event.type);
      if (event.type === 'batch' && !seen.includes('paused')) svc.control(runId, 'pause');
      if (event.type === 'paused') svc.control(runId, 'resume');
      if (event.type === 'batch' && seen.includes('resumed')) svc.control(runId, 'stop');
    });
    const started = await service.start(file, project(50), { backend: 'cpu', batchesPerEpoch: 4 });
    const { runId } = (started as { ok: true; result: { runId: string } }).result;
    await service.settled(runId);

    const types = events.get(runId)!.map((e) => e.type);
    expect(types.indexOf('paused')).toBeGreaterThan(types.indexOf('batch'));
    expect(types.indexOf('resumed')).toBeGreaterThan(types.indexOf('paused'));
    expect(types.at(-1)).toBe('stopped');
    expect(service.running).not.toContain(runId);
    expect(service.control(runId, 'pause')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const listed = (await service.list(file)).find((r) => r.runId === runId);
    expect(listed).toMatchObject({ status: 'stopped', reason: 'Stopped by the user.' });
  });

  it('stops every run when the session ends', async () => {
    const { service, events } = recordingService();
    const started = await service.start(file, project(50), { backend: 'cpu', batchesPerEpoch: 50 });
    const { runId } = (started as { ok: true; result: { runId: string } }).result;
    await service.stopAll();
    expect(events.get(runId)!.at(-1)).toMatchObject({ type: 'stopped' });
    expect(service.running).toEqual([]);
  });

  it('turns a crash of the trainer into a failed run, recorded as such', async () => {
    const { service, events } = recordingService(undefined, (spec, onEvent) =>
      // A heap far too small for the dataset makes the trainer die mid-run.
      startTraining(spec, onEvent, { resourceLimits: { maxOldGenerationSizeMb: 8 } }),
    );
    const started = await service.start(file, project(1), { backend: 'cpu' });
    const { runId } = (started as { ok: true; result: { runId: string } }).result;
    await service.settled(runId);
    expect(events.get(runId)!.at(-1)).toMatchObject({
      type: 'failed',
      reason: expect.stringMatching(/trainer/),
    });
    // Recorded as failed once it had started; a run that died before starting leaves no folder.
    const listed = (await service.list(file)).find((r) => r.runId === runId);
    const wasStarted = events.get(runId)!.some((e) => e.type === 'started');
    expect(listed?.status).toBe(wasStarted ? 'failed' : undefined);
  });

  it('turns a launcher that cannot start into a failed run', async () => {
    const { service, events } = recordingService(undefined, () => {
      throw new Error('out/trainer.js is missing');
    });
    const started = await service.start(file, project(1), {});
    const { runId } = (started as { ok: true; result: { runId: string } }).result;
    expect(events.get(runId)).toEqual([
      { type: 'failed', reason: 'The trainer could not start: out/trainer.js is missing' },
    ]);
  });

  it('refuses a dataset the model does not fit, or that does not exist, before making a run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-training-'));
    const here = join(dir, 'fit.strata');
    const { service } = recordingService();
    const iris = await service.start(here, project(1), { dataset: 'iris' });
    expect(iris).toMatchObject({ ok: false, error: { code: 'invalid-project' } });
    if (!iris.ok) {
      expect(iris.error.message).toMatch(
        /^Cannot train on "iris": MLP: The Input is 784, but Iris flowers examples are 4\./,
      );
    }
    const proto = await service.start(here, project(1), { dataset: 'constructor' });
    expect(proto).toMatchObject({ ok: false, error: { code: 'invalid-project' } });
    if (!proto.ok) expect(proto.error.message).toMatch(/No such dataset "constructor"/);
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to resume a run without a checkpoint, changing nothing in it', async () => {
    const { service } = recordingService();
    const { runId, dir } = await createRun(file, {
      dataset: 'mnist-flat',
      settings: trainingSettingsSchema.parse(project(1).recipe),
    });
    const before = await readdir(dir);
    const resumed = await service.start(file, project(1), { resumeRunId: runId });
    expect(resumed).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: `Cannot resume run "${runId}": it has no checkpoint (it stopped before saving one). Start a new run instead.`,
      },
    });
    expect(await readdir(dir)).toEqual(before);
  });

  it('refuses run ids that are not runs of the project', async () => {
    const { service } = recordingService();
    expect(await service.log(file, '../../etc')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await service.log(file, 'no-such-run')).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'The project has no run "no-such-run".' },
    });
    expect(await service.start(file, project(1), { resumeRunId: 'no-such-run' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
