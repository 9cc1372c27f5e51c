import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFiles } from '../../engine/tfjs/model-files.js';
import { ONNX_FILE } from '../../export/onnx/exporter.js';
import { PYTHON, torchAvailable } from '../../export/pytorch/parity-harness.js';
import { readProject } from '../../services/projects/files.js';
import { listRuns } from '../../services/runs/runs.js';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';

const inFolder = useTempFolder();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** An LSTM built with tfjs' defaults (hard-sigmoid gates), saved as model.json + weights.bin. */
async function tfjsDefaultLstm(): Promise<{ model: tf.LayersModel; file: string }> {
  const input = tf.input({ shape: [7, 5] });
  const lstm = tf.layers.lstm({ units: 6 }).apply(input) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(lstm);
  const model = tf.model({ inputs: input, outputs: output as tf.SymbolicTensor });
  // Weights away from their initial values, so a mixed-up gate shows.
  model.setWeights(
    model.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.8, 0.8, 'float32', i + 1)),
  );
  const file = inFolder('model.json');
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = Buffer.from(artifacts.weightData as ArrayBuffer);
      await writeFile(inFolder('weights.bin'), weights);
      const json = {
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      await writeFile(file, JSON.stringify(json));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return { model, file };
}

const examples = () => tf.randomUniform([4, 7, 5], -2, 2, 'float32', 99);

const worst = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};

describe('an LSTM with tfjs defaults', () => {
  it('imports with hard-sigmoid gates and predicts as tfjs does, as do its ONNX and PyTorch exports', async () => {
    const { model, file } = await tfjsDefaultLstm();
    const project = inFolder('lstm.strata');
    const io = captureIo();
    expect(await importCommand(file, project, io)).toBe(0);
    const read = await readProject(project);
    if (!read.ok) throw new Error('the imported project does not open');
    const lstm = read.project.models[0].nodes.find((n) => n.kind === 'LSTM')!;
    expect(lstm.params.recurrentActivation).toBe('hard_sigmoid');

    const [run] = await listRuns(project);
    const imported = await loadModelFiles(join(run.dir, 'models', 'main'));
    const x = examples();
    const want = (model.predict(x) as tf.Tensor).dataSync();
    expect(worst((imported.predict(x) as tf.Tensor).dataSync(), want)).toBeLessThanOrEqual(1e-5);

    // ONNX writes the gates as HardSigmoid(α 0.2, β 0.5): onnxruntime agrees.
    const onnxDir = inFolder('onnx');
    expect(await exportCommand(project, { format: 'onnx', out: onnxDir }, captureIo())).toBe(0);
    const session = await ort.InferenceSession.create(join(onnxDir, ONNX_FILE));
    const feeds = {
      [session.inputNames[0]]: new ort.Tensor('float32', x.dataSync() as Float32Array, [4, 7, 5]),
    };
    const got = (await session.run(feeds))[session.outputNames[0]].data as Float32Array;
    expect(worst(got, want)).toBeLessThanOrEqual(1e-5);
    // And that ONNX file imports back with its HardSigmoid gates.
    const back = inFolder('back.strata');
    expect(await importCommand(join(onnxDir, ONNX_FILE), back, captureIo())).toBe(0);
    const reread = await readProject(back);
    if (!reread.ok) throw new Error('the re-imported project does not open');
    const gates = reread.project.models[0].nodes.find((n) => n.kind === 'LSTM')!;
    expect(gates.params.recurrentActivation).toBe('hard_sigmoid');
    const [backRun] = await listRuns(back);
    const again = await loadModelFiles(join(backRun.dir, 'models', 'main'));
    expect(worst((again.predict(x) as tf.Tensor).dataSync(), want)).toBeLessThanOrEqual(1e-5);
    again.dispose();

    const kerasDir = inFolder('keras');
    expect(await exportCommand(project, { format: 'keras', out: kerasDir }, captureIo())).toBe(0);
    const source = await readFile(join(kerasDir, 'model.py'), 'utf8');
    expect(source).toContain('recurrent_activation=tfjs_hard_sigmoid');
    expect(source).toContain('tf.clip_by_value(0.2 * x + 0.5, 0.0, 1.0)');

    // PyTorch runs the hard-sigmoid cell in the module's own loop.
    const torchDir = inFolder('torch');
    expect(await exportCommand(project, { format: 'pytorch', out: torchDir }, captureIo())).toBe(0);
    if (torchAvailable() || process.env.CI) {
      const script = `
import importlib.util, json, sys, torch
spec = importlib.util.spec_from_file_location("exported", sys.argv[1] + "/model.py")
module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
x = torch.tensor(json.loads(sys.argv[2])).reshape(4, 7, 5)
with torch.no_grad():
    print(json.dumps(module.load_model()(x).reshape(-1).tolist()))
`;
      const values = JSON.stringify(Array.from(x.dataSync()));
      const run = spawnSync(PYTHON, ['-c', script, torchDir, values], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      expect(worst(JSON.parse(run.stdout) as number[], want)).toBeLessThanOrEqual(1e-5);
    }
    imported.dispose();
    model.dispose();
  });
});
