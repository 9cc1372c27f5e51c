import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/templates/index.js';
import { compileModel } from './compile.js';
import { loadModelFiles, saveModelFiles } from './model-files.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model files', () => {
  it('reload a model with custom layers that predicts exactly as before', async () => {
    const project = findTemplate('transformer-text-classifier')!.project;
    const compiled = compileModel(project.models[0], 'm', { blocks: project.blocks });
    if (!compiled.ok) throw new Error('template does not compile');
    const dir = join(await mkdtemp(join(tmpdir(), 'strata-model-')), 'model');
    await saveModelFiles(compiled.model, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);

    const reloaded = await loadModelFiles(dir);
    const shape = compiled.model.inputs[0].shape.map((d) => d ?? 1);
    const tokens = tf.randomUniform([2, ...shape.slice(1)], 0, 50, 'int32');
    const before = (compiled.model.predict(tokens) as tf.Tensor).arraySync();
    const after = (reloaded.predict(tokens) as tf.Tensor).arraySync();
    expect(after).toEqual(before);
  });
});
