import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { templates } from '../../../shared/templates/index.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { RunControl } from './control.js';
import { runJob } from './job.js';

// Every template must train on the embedded wasm backend with Strata's completed kernels.
describe.each(templates.map((t) => [t.name, t] as const))('template %s on wasm', (_, template) => {
  it('trains a few batches with finite losses and finishes', async () => {
    const events: TrainingEvent[] = [];
    const outcome = await runJob(
      {
        runId: 'templates',
        project: structuredClone(template.project),
        settings: trainingSettingsSchema.parse({
          ...template.project.recipe,
          epochs: 1,
          batchSize: 8,
        }),
        backend: 'wasm',
        batchesPerEpoch: 3,
      },
      new RunControl(),
      (event) => events.push(event),
    );
    const failure = events.find((e) => e.type === 'failed' || e.type === 'stopped');
    expect(failure).toBeUndefined();
    expect(outcome).toBe('finished');
    expect(events.find((e) => e.type === 'started')).toMatchObject({ backend: 'wasm' });
    const epoch = events.find((e) => e.type === 'epoch');
    expect(epoch?.type === 'epoch' && Number.isFinite(epoch.train.loss)).toBe(true);
  });
});
