import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import type { RunSpec } from './job.js';
import { startTraining } from './session.js';

const spec = (overrides: Partial<RunSpec> = {}): RunSpec => ({
  runId: 'session-test',
  project: structuredClone(findTemplate('mlp-mnist')!.project),
  settings: trainingSettingsSchema.parse({ epochs: 20, batchSize: 32 }),
  backend: 'cpu',
  ...overrides,
});

describe('startTraining', () => {
  it('trains on a worker thread while this thread stays free, and stops on request', async () => {
    const events: TrainingEvent[] = [];
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const handle = startTraining(spec(), (event) => {
      events.push(event);
      if (event.type === 'batch' && events.filter((e) => e.type === 'batch').length === 3) {
        handle.stop();
      }
    });
    expect(await handle.done).toBe('stopped');
    clearInterval(timer);
    expect(events[0]).toMatchObject({ type: 'started', backend: 'cpu' });
    expect(events.at(-1)).toMatchObject({ type: 'stopped', reason: 'Stopped by the user.' });
    // The timer kept firing during training: the work happened elsewhere.
    expect(ticks).toBeGreaterThan(5);
  });

  it('turns a crash of the trainer into a failed event, not an exception', async () => {
    const events: TrainingEvent[] = [];
    // A heap far too small for the dataset makes the worker die mid-run.
    const handle = startTraining(spec(), (event) => events.push(event), {
      resourceLimits: { maxOldGenerationSizeMb: 8 },
    });
    expect(await handle.done).toBe('failed');
    expect(events.at(-1)).toMatchObject({
      type: 'failed',
      reason: expect.stringMatching(/trainer/),
    });
  });
});
