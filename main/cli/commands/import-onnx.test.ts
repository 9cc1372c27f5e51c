import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../../shared/project/analyze.js';
import { loadModelFiles } from '../../engine/tfjs/model-files.js';
import { ONNX_FILE } from '../../export/onnx/exporter.js';
import { random } from '../../export/onnx/parity.js';
import { readProject } from '../../services/projects/files.js';
import { listRuns } from '../../services/runs/runs.js';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { newCommand } from './new.js';
import { validateCommand } from './validate.js';

const inFolder = useTempFolder();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A template's model exported as ONNX with the recipe seed's weights; answers the file. */
async function onnxOf(template: string, model: string): Promise<string> {
  const file = inFolder(`${template}.strata`);
  await newCommand(file, { template }, captureIo());
  const out = inFolder(`${template}-${model}-onnx`);
  const code = await exportCommand(
    file,
    { format: 'onnx', out, model, untrained: true },
    captureIo(),
  );
  expect(code).toBe(0);
  return join(out, ONNX_FILE);
}

/**
 * The templates whose ONNX exports come back. Not yet: transformer-text-classifier and char-gpt
 * (the importer has no attention or transformer-block patterns).
 */
const ROUND_TRIPS = [
  ['mlp-mnist', 'mlp'],
  ['mnist-cnn', 'cnn'],
  ['resnet-cnn', 'resnet'],
  ['inception-cnn', 'inception'],
  ['lstm-text-classifier', 'lstm'],
  ['gru-sequence-regressor', 'gru'],
  ['dense-autoencoder', 'autoencoder'],
  ['conv-autoencoder', 'autoencoder'],
  ['dcgan', 'generator'],
  ['dcgan', 'discriminator'],
] as const;

describe('strata import model.onnx', () => {
  it.each(ROUND_TRIPS)(
    "imports %s's %s back: a valid project whose run predicts as the ONNX model does",
    async (template, model) => {
      const source = await onnxOf(template, model);
      const file = inFolder('imported.strata');
      const io = captureIo();
      expect(await importCommand(source, file, io)).toBe(0);
      expect(await validateCommand(file, captureIo())).toBe(0);
      const read = await readProject(file);
      if (!read.ok) throw new Error('the imported project does not open');
      const errors = analyzeProject(read.project).flatMap(({ analysis }) =>
        analysis.diagnostics.filter((d) => d.severity === 'error'),
      );
      expect(errors).toEqual([]);

      const [run] = await listRuns(file);
      const trained = await loadModelFiles(join(run.dir, 'models', 'main'));
      const session = await ort.InferenceSession.create(source);
      const next = random(7);
      const shape = [3, ...(trained.inputs[0].shape.slice(1) as number[])];
      const size = shape.reduce((a, b) => a * b, 1);
      // Token ids (below every template's vocabulary) for int inputs, values in [-1, 1) else.
      const tokens = trained.inputs[0].dtype === 'int32';
      const x = tokens
        ? Int32Array.from({ length: size }, () => Math.floor(next() * 50))
        : Float32Array.from({ length: size }, () => next() * 2 - 1);
      const expected = await session.run({
        [session.inputNames[0]]: new ort.Tensor(tokens ? 'int32' : 'float32', x, shape),
      });
      const want = expected[session.outputNames[0]].data as Float32Array;
      const input = tf.tensor(x, shape, tokens ? 'int32' : 'float32');
      const got = (trained.predict(input) as tf.Tensor).dataSync();
      expect(got.length).toBe(want.length);
      let worst = 0;
      for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst).toBeLessThanOrEqual(1e-5);
      trained.dispose();
    },
    60_000,
  );

  it('warns, not fails, when no built-in dataset fits: the project has no dataset yet', async () => {
    const source = await onnxOf('dcgan', 'generator');
    const file = inFolder('noise.strata');
    const io = captureIo();
    expect(await importCommand(source, file, io)).toBe(0);
    expect(io.stderr.join('\n')).toContain('warning: No built-in dataset fits its input');
    const validated = captureIo();
    expect(await validateCommand(file, validated)).toBe(0);
    expect(validated.stdout.join('\n')).toContain('"your-data" is not a built-in dataset');
  });

  it('names what is not an ONNX model', async () => {
    const file = inFolder('x.strata');
    const other = inFolder('garbage.onnx');
    await writeFile(other, 'not protobuf');
    const bad = captureIo();
    expect(await importCommand(other, file, bad)).toBe(1);
    expect(bad.stderr.join('\n')).toMatch(
      /cannot import .*garbage\.onnx: Not a readable ONNX model/,
    );
  });
});
