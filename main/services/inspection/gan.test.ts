import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/templates/index.js';
import { InspectionService } from './service.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { compileModel } from '../../engine/tfjs/compile.js';
import { saveModelFiles } from '../../engine/tfjs/model-files.js';
import { createRun } from '../runs/runs.js';

let dir = '';
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'strata-gan-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("testing a GAN's run", () => {
  it('shows a drawing to the discriminator, which says how real it looks', async () => {
    const file = join(dir, 'gan.strata');
    const project = findTemplate('dcgan')!.project;
    // A GAN run as training leaves it: the generator and discriminator saved, no "main".
    const settings = trainingSettingsSchema.parse(project.recipe);
    const { runId, dir: runDir } = await createRun(file, { dataset: 'mnist', settings });
    for (const role of ['generator', 'discriminator'] as const) {
      const id = role === 'generator' ? project.recipe.model : project.recipe.discriminator;
      const compiled = compileModel(
        project.models.find((m) => m.id === id)!,
        role,
      );
      if (!compiled.ok) throw new Error(`${role} does not compile`);
      await saveModelFiles(compiled.model, join(runDir, 'models', role));
      compiled.model.dispose();
    }
    const service = new InspectionService();
    const size = 28 * 28;
    const image = { width: 28, height: 28, channels: 1 as const, data: Array(size).fill(0) };
    const reply = await service.predict({ file, runId }, { kind: 'image', image });
    await service.dispose();
    if (!reply.ok) throw new Error(reply.error.message);
    const { output } = reply.result;
    expect(output.kind).toBe('classes');
    if (output.kind !== 'classes') return;
    expect(output.classes.map((c) => c.label).sort()).toEqual(['generated', 'real']);
    const total = output.classes.reduce((sum, c) => sum + c.probability, 0);
    expect(total).toBeCloseTo(1, 6);
  }, 60_000);
});
