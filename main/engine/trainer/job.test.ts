import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { Project } from '../../../shared/project/schema.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { RunControl } from './control.js';
import { runJob } from './job.js';

function projectOf(name: string): Project {
  const template = findTemplate(name);
  if (!template) throw new Error(`no template ${name}`);
  return structuredClone(template.project);
}

async function quickRun(project: Project, batchSize = 16) {
  const events: TrainingEvent[] = [];
  const outcome = await runJob(
    {
      runId: 'quick',
      project,
      settings: trainingSettingsSchema.parse({ epochs: 1, batchSize }),
      backend: 'cpu',
      batchesPerEpoch: 3,
    },
    new RunControl(),
    (event) => events.push(event),
  );
  return { outcome, events };
}

describe('runJob', () => {
  it('trains a template on its recipe dataset and reports what it used', async () => {
    const { outcome, events } = await quickRun(projectOf('mlp-mnist'));
    const failure = events.find((e) => e.type === 'failed');
    expect(failure).toBeUndefined();
    expect(outcome).toBe('finished');
    const started = events.find((e) => e.type === 'started');
    expect(started).toMatchObject({ backend: 'cpu', stepsPerEpoch: 3 });
    expect(events.some((e) => e.type === 'confusion')).toBe(true);
    // Samples come from across the validation split, not just its first (same-class) rows.
    const predictions = events.find((e) => e.type === 'predictions');
    const labels =
      predictions?.type === 'predictions' ? predictions.samples.map((s) => s.label) : [];
    expect(labels).toHaveLength(8);
    expect(new Set(labels).size).toBeGreaterThan(3);
  });

  it('shows an autoencoder its reconstructions', async () => {
    const { outcome, events } = await quickRun(projectOf('dense-autoencoder'));
    expect(outcome).toBe('finished');
    const generated = events.find((e) => e.type === 'generated');
    expect(generated?.type === 'generated' && generated.images?.length).toBe(16);
  });

  it('trains an image model on augmented images', async () => {
    const events: TrainingEvent[] = [];
    const outcome = await runJob(
      {
        runId: 'augmented',
        project: projectOf('mnist-cnn'),
        settings: trainingSettingsSchema.parse({
          epochs: 1,
          batchSize: 8,
          augmentation: { flip: true, shift: 2, rotate: 10 },
        }),
        backend: 'wasm',
        batchesPerEpoch: 2,
      },
      new RunControl(),
      (event) => events.push(event),
    );
    expect(events.find((e) => e.type === 'failed')).toBeUndefined();
    expect(outcome).toBe('finished');
  });

  it('refuses a project with errors, naming them, and trains nothing', async () => {
    const project = projectOf('mlp-mnist');
    const dense = project.models[0].nodes.find((n) => n.kind === 'Dense' && n.params.units === 10);
    if (!dense) throw new Error('template changed: no 10-unit Dense');
    dense.params = { ...dense.params, units: 7 };
    const { outcome, events } = await quickRun(project);
    expect(outcome).toBe('failed');
    const failure = events.find((e) => e.type === 'failed');
    expect(failure?.type === 'failed' && failure.reason).toMatch(/errors[\s\S]*7/);
    expect(events.some((e) => e.type === 'batch')).toBe(false);
  });

  it('fails clearly on a backend that is not there', async () => {
    const events: TrainingEvent[] = [];
    const outcome = await runJob(
      {
        runId: 'x',
        project: projectOf('mlp-mnist'),
        settings: trainingSettingsSchema.parse({}),
        backend: 'quantum',
      },
      new RunControl(),
      (e) => events.push(e),
    );
    expect(outcome).toBe('failed');
    expect(events[0]).toMatchObject({ type: 'failed', reason: expect.stringMatching(/quantum/) });
  });
});
