import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prediction } from '../../../shared/api/inspection.js';
import type { Reply } from '../../../shared/api/reply.js';
import { compileModel, layerName } from '../../engine/tfjs/compile.js';
import { loadModelFiles, saveModelFiles } from '../../engine/tfjs/model-files.js';
import { openDataset } from '../datasets/registry.js';
import { InspectionService } from './service.js';
import { mainModelDir, projectOf, tinyConvnet, trainQuickly } from './test-runs.js';

let base: string;
let digits: string;
let cnnRun: string;
const service = new InspectionService();

beforeAll(async () => {
  await tf.setBackend('cpu');
  base = await mkdtemp(join(tmpdir(), 'strata-inspection-'));
  digits = join(base, 'digits.strata');
  cnnRun = await trainQuickly(
    digits,
    projectOf(tinyConvnet(), { task: 'classification', dataset: 'mnist', batchSize: 32 }),
  );
}, 300_000); // trains a model first: generous, so a busy machine is slow rather than failing
afterAll(async () => {
  await service.dispose();
  await rm(base, { recursive: true, force: true });
});

function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result;
}

/** The n-th validation digit as the trainer saw it ([0, 1] scaled) and raw, with its label. */
async function validationDigit(n: number) {
  const opened = await openDataset('mnist', { validation: 0.1, seed: 42 });
  if (!opened.ok) throw new Error('mnist did not open');
  const pick = (normalise: 'scale' | 'none') => {
    let i = 0;
    for (const batch of opened.dataset.batches('validation', { batchSize: 1, normalise })) {
      if (i++ === n) return { x: Float32Array.from(batch.x), label: String(batch.y[0]) };
    }
    throw new Error('no such example');
  };
  return { scaled: pick('scale'), raw: pick('none') };
}

/** Probabilities by class name from a prediction. */
function byLabel(output: Prediction['output']): number[] {
  if (output.kind !== 'classes') throw new Error(`expected classes, got ${output.kind}`);
  const map = new Map(output.classes.map((c) => [c.label, c.probability]));
  return Array.from({ length: 10 }, (_, i) => map.get(String(i))!);
}

describe('model.predict on a trained convnet', () => {
  it('answers a validation example with the model’s own probabilities, most probable first', async () => {
    const { scaled } = await validationDigit(7);
    const answer = ok(
      await service.predict({ file: digits, runId: cnnRun }, { kind: 'example', index: 7 }),
    );
    expect(answer.input.label).toBe(scaled.label);
    const model = await loadModelFiles(mainModelDir(digits, cnnRun));
    const expected = tf.tidy(() =>
      Array.from((model.predict(tf.tensor4d(scaled.x, [1, 28, 28, 1])) as tf.Tensor).dataSync()),
    );
    model.dispose();
    const got = byLabel(answer.output);
    got.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 5));
    const classes = answer.output.kind === 'classes' ? answer.output.classes : [];
    expect(classes.map((c) => c.probability)).toEqual(
      [...classes.map((c) => c.probability)].sort((a, b) => b - a),
    );
    expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('resizes and scales a bigger drawing exactly as the dataset scaled the digit', async () => {
    const { raw } = await validationDigit(3);
    // The digit drawn at twice the size in 0–255 grey: area averaging must undo the doubling.
    const data = Array.from({ length: 56 * 56 }, (_, i) => {
      const [y, x] = [Math.floor(i / 56), i % 56];
      return raw.x[Math.floor(y / 2) * 28 + Math.floor(x / 2)] * 255;
    });
    const ref = { file: digits, runId: cnnRun };
    const drawn = ok(
      await service.predict(ref, {
        kind: 'image',
        image: { width: 56, height: 56, channels: 1, data },
      }),
    );
    const example = ok(await service.predict(ref, { kind: 'example', index: 3 }));
    const [a, b] = [byLabel(drawn.output), byLabel(example.output)];
    a.forEach((p, i) => expect(p).toBeCloseTo(b[i], 4));
    expect(drawn.input.shown).toMatchObject({ width: 28, height: 28, channels: 1 });
  });

  it('refuses inputs the dataset does not take, and runs that do not exist', async () => {
    const ref = { file: digits, runId: cnnRun };
    expect(await service.predict(ref, { kind: 'text', text: 'seven' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/28×28×1, not text/) },
    });
    expect(await service.predict(ref, { kind: 'example', index: 10_000 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/validation split has \d+ examples/) },
    });
    expect(
      await service.predict({ file: digits, runId: 'no-such-run' }, { kind: 'example', index: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(
      await service.predict({ file: digits, runId: '../x' }, { kind: 'example', index: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('model.inspect on a trained convnet', () => {
  it('shows a convolution’s feature maps, one per filter, at the output’s size', async () => {
    const insight = ok(
      await service.inspect({ file: digits, runId: cnnRun }, 'conv2d_1', {
        kind: 'example',
        index: 0,
      }),
    );
    expect(insight.shape).toEqual([26, 26, 6]);
    expect(insight.detail.kind).toBe('feature-maps');
    const maps = insight.detail.kind === 'feature-maps' ? insight.detail.maps : [];
    expect(maps).toHaveLength(6);
    for (const map of maps) {
      expect(map).toMatchObject({ width: 26, height: 26, channels: 1 });
      expect(map.data).toHaveLength(26 * 26);
    }
    expect(insight.histogram.counts.reduce((a, b) => a + b, 0)).toBe(26 * 26 * 6);

    // The same figures from the layer's trained kernel applied by hand: relu(conv(x) + b).
    const { scaled } = await validationDigit(0);
    const model = await loadModelFiles(mainModelDir(digits, cnnRun));
    const [kernel, bias] = model.getLayer(layerName('conv2d_1')).getWeights();
    const out = tf.tidy(() =>
      tf.relu(
        tf.add(
          tf.conv2d(tf.tensor4d(scaled.x, [1, 28, 28, 1]), kernel as tf.Tensor4D, 1, 'valid'),
          bias,
        ),
      ),
    );
    const values = Array.from(out.dataSync());
    expect(insight.histogram.max).toBeCloseTo(Math.max(...values), 4);
    expect(insight.histogram.mean).toBeCloseTo(
      values.reduce((a, b) => a + b, 0) / values.length,
      4,
    );
    expect(insight.histogram.zeros).toBeCloseTo(
      values.filter((v) => v === 0).length / values.length,
      4,
    );
    out.dispose();
    model.dispose();
  });

  it('shows pooled maps at half the size, and a histogram alone for a dense layer', async () => {
    const ref = { file: digits, runId: cnnRun };
    const pool = ok(await service.inspect(ref, 'maxpool2d_1', { kind: 'example', index: 1 }));
    expect(pool.shape).toEqual([13, 13, 6]);
    expect(pool.detail.kind === 'feature-maps' && pool.detail.maps[0].width).toBe(13);
    const dense = ok(await service.inspect(ref, 'dense_1', { kind: 'example', index: 1 }));
    expect(dense).toMatchObject({ shape: [10], detail: { kind: 'none' } });
    expect(dense.histogram.counts.reduce((a, b) => a + b, 0)).toBe(10);
    // Softmax outputs: within [0, 1], mean exactly one tenth.
    expect(dense.histogram.mean).toBeCloseTo(0.1, 5);
  });

  it('names a node the run’s model does not have', async () => {
    const reply = await service.inspect({ file: digits, runId: cnnRun }, 'dense_9', {
      kind: 'example',
      index: 0,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/"dense_9".*Train again/) },
    });
  });
});

describe('the model cache', () => {
  it('reloads a run’s model once the run saved it again (a resumed run)', async () => {
    const ref = { file: digits, runId: cnnRun };
    const input = { kind: 'example' as const, index: 5 };
    const before = byLabel(ok(await service.predict(ref, input)).output);
    // Fresh weights saved over the run's model, as a resumed run's end would.
    const compiled = compileModel(tinyConvnet());
    if (!compiled.ok) throw new Error('the tiny convnet no longer compiles');
    await saveModelFiles(compiled.model, mainModelDir(digits, cnnRun));
    const { scaled } = await validationDigit(5);
    const expected = tf.tidy(() =>
      Array.from(
        (compiled.model.predict(tf.tensor4d(scaled.x, [1, 28, 28, 1])) as tf.Tensor).dataSync(),
      ),
    );
    compiled.model.dispose();
    const after = byLabel(ok(await service.predict(ref, input)).output);
    after.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 5));
    expect(after).not.toEqual(before);
  });
});
