import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../shared/graph/document.js';
import { sketch } from '../../shared/templates/sketch.js';
import { loadModelFiles } from '../engine/tfjs/model-files.js';
import { openDataset } from '../services/datasets/registry.js';
import { projectOf, trainQuickly } from '../services/inspection/test-runs.js';
import { runsFolder } from '../services/runs/runs.js';
import { ONNX_FILE } from './onnx/exporter.js';
import { exportProject } from './pipeline.js';
import { PYTHON, torchAvailable } from './pytorch/parity-harness.js';

/**
 * Strata standardises mnist-flat's 784 pixels with the train split's statistics. A run's export
 * must take raw pixels and score what the run's own model scores on the standardised ones.
 */
function mlp(): ModelGraph {
  const g = sketch();
  g.chain(
    g.add('Input', { shape: [784] }),
    ['Dense', { units: 32, activation: 'relu' }],
    ['Dense', { units: 10, activation: 'softmax' }],
    ['Output', { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] }],
  );
  return g.done('mlp', 'MLP');
}

let dir = '';
let file = '';
let runId = '';
/** The run's validation examples: raw pixels, standardised ones, labels. */
let raw: Float32Array;
let standardised: Float32Array;
let labels: Int32Array;
let count = 0;
/** The run's own model's accuracy on the standardised examples. */
let reference = 0;

const argmaxAccuracy = (probabilities: ArrayLike<number>) => {
  let right = 0;
  for (let n = 0; n < count; n++) {
    let best = 0;
    for (let k = 1; k < 10; k++) {
      if (probabilities[n * 10 + k] > probabilities[n * 10 + best]) best = k;
    }
    if (best === labels[n]) right++;
  }
  return right / count;
};

async function exportAs(format: 'tfjs' | 'onnx' | 'keras' | 'pytorch') {
  const project = projectOf(mlp(), { task: 'classification', dataset: 'mnist-flat' });
  const outDir = join(dir, format);
  const exported = await exportProject({ projectPath: file, project, format, outDir, runId });
  if (!exported.ok) throw new Error(exported.message);
  return { outDir, notes: exported.models[0].result.ok ? exported.models[0].result.notes : [] };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'strata-raw-inputs-'));
  file = join(dir, 'digits.strata');
  const project = projectOf(mlp(), { task: 'classification', dataset: 'mnist-flat' });
  runId = await trainQuickly(file, project, 40);
  const { validationSplit, seed } = project.recipe;
  const opened = await openDataset('mnist-flat', { validation: validationSplit, seed });
  if (!opened.ok) throw new Error('mnist-flat does not open');
  count = opened.dataset.size('validation');
  const all = (normalise: 'none' | 'standardise') =>
    opened.dataset.batches('validation', { batchSize: count, normalise }).next().value!;
  const plain = all('none');
  raw = Float32Array.from(plain.x);
  labels = Int32Array.from(plain.y);
  standardised = Float32Array.from(all('standardise').x);
  const model = await loadModelFiles(join(runsFolder(file), runId, 'models', 'main'));
  const out = model.predict(tf.tensor2d(standardised, [count, 784])) as tf.Tensor;
  reference = argmaxAccuracy(out.dataSync());
  model.dispose();
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a run's export takes raw inputs", () => {
  it('the run learned something, and raw pixels alone would score worse', async () => {
    expect(count).toBeGreaterThan(500);
    expect(reference).toBeGreaterThan(0.7);
    const model = await loadModelFiles(join(runsFolder(file), runId, 'models', 'main'));
    const out = model.predict(tf.tensor2d(raw, [count, 784])) as tf.Tensor;
    expect(argmaxAccuracy(out.dataSync())).toBeLessThan(reference - 0.05);
    model.dispose();
  });

  it('TF.js: the exported model scores the run’s accuracy on raw pixels', async () => {
    const { outDir, notes } = await exportAs('tfjs');
    expect(notes.join(' ')).toContain('feed it raw data');
    const json = JSON.parse(await readFile(join(outDir, 'model.json'), 'utf8'));
    const weights = await readFile(join(outDir, 'weights.bin'));
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights),
        weightData: weights.buffer.slice(
          weights.byteOffset,
          weights.byteOffset + weights.byteLength,
        ),
      }),
    );
    const out = model.predict(tf.tensor2d(raw, [count, 784])) as tf.Tensor;
    expect(Math.abs(argmaxAccuracy(out.dataSync()) - reference)).toBeLessThanOrEqual(1 / count);
    model.dispose();
    const readme = await readFile(join(outDir, 'README.md'), 'utf8');
    expect(readme).toContain('## Inputs: raw data');
    expect(readme).toContain('standardised to mean 0');
  });

  it('ONNX: onnxruntime scores the run’s accuracy on raw pixels', async () => {
    const { outDir } = await exportAs('onnx');
    const session = await ort.InferenceSession.create(join(outDir, ONNX_FILE));
    const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', raw, [count, 784]) };
    const result = await session.run(feeds);
    const probabilities = result[session.outputNames[0]].data as Float32Array;
    expect(Math.abs(argmaxAccuracy(probabilities) - reference)).toBeLessThanOrEqual(1 / count);
    expect(await readFile(join(outDir, 'README.md'), 'utf8')).toContain('input_normalisation');
  });

  const torch = torchAvailable();
  it.runIf(torch || process.env.CI)(
    'PyTorch: the module scores the run’s accuracy on raw pixels',
    async () => {
      expect(torch).toBe(true);
      const { outDir } = await exportAs('pytorch');
      await writeFile(join(outDir, 'raw.f32'), raw);
      const script = `
import importlib.util, json, sys, torch
spec = importlib.util.spec_from_file_location("exported", sys.argv[1] + "/model.py")
module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
model = module.load_model()
x = torch.frombuffer(bytearray(open(sys.argv[1] + "/raw.f32", "rb").read()), dtype=torch.float32)
with torch.no_grad():
    out = model(x.reshape(-1, 784))
print(json.dumps(out.reshape(-1).tolist()))
`;
      const run = spawnSync(PYTHON, ['-c', script, outDir], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      if (run.status !== 0) throw new Error(run.stderr);
      const probabilities = JSON.parse(run.stdout) as number[];
      expect(Math.abs(argmaxAccuracy(probabilities) - reference)).toBeLessThanOrEqual(1 / count);
    },
    120_000,
  );
  if (!torch && !process.env.CI) {
    it('PyTorch (skipped: /usr/bin/python3 cannot import torch)', () => {});
  }

  it('Keras: the generated model normalises its input first (Keras cannot run here)', async () => {
    const { outDir } = await exportAs('keras');
    const source = await readFile(join(outDir, 'model.py'), 'utf8');
    // The first layer after the input, fed by it; its statistics are in weights.safetensors.
    expect(source).toMatch(
      /input_normalisation = layers\.BatchNormalization\([^)]*name="input_normalisation"\)\(input_1\)/,
    );
    expect(await readFile(join(outDir, 'README.md'), 'utf8')).toContain('(x - shift) * scale');
  });
});
