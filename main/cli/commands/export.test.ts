import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveModelFiles } from '../../engine/tfjs/model-files.js';
import { exporters } from '../../export/formats.js';
import { compileForExport } from '../../export/prepare.js';
import { readProject } from '../../services/projects/files.js';
import { createRun, runsFolder } from '../../services/runs/runs.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { exportCommand } from './export.js';
import { newCommand } from './new.js';

const inFolder = useTempFolder();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function fromTemplate(template: string) {
  const file = inFolder(`${template}.strata`);
  await newCommand(file, { template }, captureIo());
  return file;
}

/** A finished run of the project's model whose every weight is `value`, as training saves it. */
async function runWithWeights(file: string, value: number): Promise<string> {
  const read = await readProject(file);
  if (!read.ok) throw new Error('project does not open');
  const { project } = read;
  const input = compileForExport(project, project.models[0]);
  if (typeof input === 'string') throw new Error(input);
  input.model.setWeights(input.model.weights.map((w) => tf.fill(w.shape as number[], value)));
  const settings = trainingSettingsSchema.parse(project.recipe);
  const run = await createRun(file, { dataset: project.recipe.dataset, settings });
  await saveModelFiles(input.model, join(run.dir, 'models', 'main'));
  input.model.dispose();
  return run.runId;
}

/** Writes the summary a run leaves when it ends. */
async function endRun(
  file: string,
  runId: string,
  status: 'finished' | 'stopped',
  validation: Record<string, number>,
) {
  const summary = { status, endedAt: '2026-01-01T00:00:00Z', epochs: 2, steps: 20 };
  await writeFile(
    join(runsFolder(file), runId, 'summary.json'),
    JSON.stringify({ ...summary, train: {}, validation }),
  );
}

/** The exported weights but the input normalisation's (statistics, not trained values). */
async function weightValues(dir: string): Promise<Float32Array> {
  const bytes = await readFile(join(dir, 'weights.bin'));
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
    weightsManifest: { weights: { name: string; shape: number[] }[] }[];
  };
  const kept: number[] = [];
  let offset = 0;
  for (const { name, shape } of json.weightsManifest.flatMap((g) => g.weights)) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (!name.includes('input_normalisation')) kept.push(...all.subarray(offset, offset + size));
    offset += size;
  }
  return Float32Array.from(kept);
}

describe('strata export', () => {
  it('writes a TF.js package with progress lines and says the weights are untrained', async () => {
    const io = captureIo();
    const out = inFolder('cnn-tfjs');
    const code = await exportCommand(await fromTemplate('mnist-cnn'), { format: 'tfjs', out }, io);
    expect(code).toBe(0);
    expect(io.stdout[0]).toMatch(/^cnn: 0% /);
    expect(io.stdout).toContain('cnn: 100% done');
    expect((await readdir(out)).sort()).toEqual(
      [
        'README.md',
        'load.mjs',
        'model.json',
        'strata-export.json',
        'strata-layers.js',
        'weights.bin',
      ].sort(),
    );
    expect(io.stdout.at(-1)).toBe(
      'Weights: untrained, drawn from the recipe seed 42 (the project has no finished run).',
    );
  });

  it("exports a run's trained weights", async () => {
    const file = await fromTemplate('mlp-mnist');
    const runId = await runWithWeights(file, 0.25);
    const out = inFolder('trained');
    expect(await exportCommand(file, { format: 'tfjs', out, run: runId }, captureIo())).toBe(0);
    const values = await weightValues(out);
    expect(values.length).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(values.every((v) => v === 0.25)).toBe(true);
  });

  it('refuses a run whose model has changed since, naming the weight', async () => {
    const file = await fromTemplate('mlp-mnist');
    const runId = await runWithWeights(file, 0.5);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"units": 128', '"units": 64'));
    const io = captureIo();
    const out = inFolder('changed');
    expect(await exportCommand(file, { format: 'tfjs', out, run: runId }, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      new RegExp(
        `model "mlp" changed since run ${runId} \\(weight n_dense_1/kernel is 784×64 now but 784×128 in the run\\), and the run keeps no copy`,
      ),
    );
    await expect(readdir(out)).rejects.toThrow();
  });

  it('exports the newest finished run by default, naming it; never a newer stopped one', async () => {
    const file = await fromTemplate('mlp-mnist');
    const finished = await runWithWeights(file, 0.75);
    await endRun(file, finished, 'finished', { loss: 0.25, accuracy: 0.9 });
    const stopped = await runWithWeights(file, 2);
    await endRun(file, stopped, 'stopped', {});
    const io = captureIo();
    const out = inFolder('default-run');
    expect(await exportCommand(file, { format: 'tfjs', out }, io)).toBe(0);
    expect((await weightValues(out)).every((v) => v === 0.75)).toBe(true);
    expect(io.stdout.at(-1)).toBe(
      `Weights: run ${finished} (finished, 2 epochs, validation loss 0.2500, validation accuracy 0.9000).`,
    );
    const untrained = captureIo();
    const fresh = inFolder('untrained');
    expect(
      await exportCommand(file, { format: 'tfjs', out: fresh, untrained: true }, untrained),
    ).toBe(0);
    expect(untrained.stdout.at(-1)).toBe('Weights: untrained, drawn from the recipe seed 42.');
    expect((await weightValues(fresh)).some((v) => v === 0.75)).toBe(false);
  });

  it('names the runs there are when --run matches none', async () => {
    const file = await fromTemplate('mlp-mnist');
    const runId = await runWithWeights(file, 1);
    const io = captureIo();
    expect(await exportCommand(file, { format: 'tfjs', out: inFolder('x'), run: 'nope' }, io)).toBe(
      1,
    );
    expect(io.stderr.join('\n')).toContain(`no run "nope"`);
    expect(io.stderr.join('\n')).toContain(`its runs are: ${runId}`);
  });

  it('puts each model of a GAN in its own folder, or one model straight into --out', async () => {
    const file = await fromTemplate('dcgan');
    const all = inFolder('gan');
    expect(await exportCommand(file, { format: 'tfjs', out: all }, captureIo())).toBe(0);
    expect((await readdir(all)).sort()).toEqual([
      'discriminator',
      'generator',
      'strata-export.json',
    ]);
    const one = inFolder('critic');
    expect(
      await exportCommand(file, { format: 'tfjs', out: one, model: 'discriminator' }, captureIo()),
    ).toBe(0);
    expect(await readdir(one)).toContain('model.json');
    const io = captureIo();
    const none = inFolder('none');
    expect(await exportCommand(file, { format: 'tfjs', out: none, model: 'critic' }, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/no model "critic".*generator, discriminator/);
  });

  it('names the formats when given one it does not know', async () => {
    const io = captureIo();
    const code = await exportCommand(
      await fromTemplate('mlp-mnist'),
      { format: 'coreml', out: inFolder('o') },
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr).toEqual([
      'strata: no export format "coreml". Formats: tfjs, onnx, keras, pytorch.',
    ]);
  });

  it('lists every layer a format cannot express, by node and kind', async () => {
    const original = exporters.onnx;
    exporters.onnx = async (input) => ({
      ok: false,
      message: 'unsupported layers',
      unsupported: input.graph.nodes
        .filter((n) => n.kind === 'Conv2D')
        .map((n) => ({ nodeId: n.id, kind: n.kind, reason: 'no such operator here' })),
    });
    try {
      const io = captureIo();
      const code = await exportCommand(
        await fromTemplate('mnist-cnn'),
        { format: 'onnx', out: inFolder('onnx') },
        io,
      );
      expect(code).toBe(1);
      expect(io.stderr).toEqual([
        'strata: ONNX cannot express these layers of model "cnn":',
        '  conv2d_1 (Conv2D): no such operator here',
        '  conv2d_2 (Conv2D): no such operator here',
        '  conv2d_3 (Conv2D): no such operator here',
      ]);
    } finally {
      exporters.onnx = original;
    }
  });
});

describe('strata export never deletes what it did not write', () => {
  const bin = fileURLToPath(new URL('../../../bin/strata.mjs', import.meta.url));

  /** A folder holding a project, a note and a subfolder of the user's. */
  async function userFolder() {
    const folder = inFolder('proj');
    await mkdir(join(folder, 'data'), { recursive: true });
    const file = join(folder, 'p.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    await writeFile(join(folder, 'notes.txt'), 'notes');
    await writeFile(join(folder, 'data', 'x.csv'), '1,2');
    return { folder, file };
  }

  async function expectUntouched(folder: string) {
    expect((await readdir(folder)).sort()).toEqual(['data', 'notes.txt', 'p.strata']);
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('notes');
    expect(await readFile(join(folder, 'data', 'x.csv'), 'utf8')).toBe('1,2');
  }

  it('refuses `--out .` in the project folder, as the strata executable (issue 16 repro)', async () => {
    const { folder } = await userFolder();
    const run = spawnSync(
      process.execPath,
      [bin, 'export', 'p.strata', '--format', 'onnx', '--out', '.'],
      { cwd: folder, encoding: 'utf8' },
    );
    expect(run.stderr).toContain(
      'strata: cannot export p.strata: "." holds files Strata did not write (data/, notes.txt, p.strata): export into a new or empty folder',
    );
    expect(run.status).toBe(1);
    await expectUntouched(folder);
  });

  it('refuses a folder with other files, and even with --force', async () => {
    const { folder, file } = await userFolder();
    for (const force of [false, true]) {
      const io = captureIo();
      const code = await exportCommand(file, { format: 'onnx', out: folder, force }, io);
      expect(code).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/holds files Strata did not write/);
      await expectUntouched(folder);
    }
  });

  it('writes into an empty folder, and replaces an earlier export only with --force', async () => {
    const { folder, file } = await userFolder();
    const out = join(folder, 'p-onnx');
    await mkdir(out);
    expect(await exportCommand(file, { format: 'onnx', out }, captureIo())).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['model.onnx', 'strata-export.json']);
    const manifest = JSON.parse(await readFile(join(out, 'strata-export.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'onnx', project: 'p.strata', files: ['model.onnx'] });

    const io = captureIo();
    expect(await exportCommand(file, { format: 'tfjs', out }, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      /already holds an export of p\.strata \(ONNX, written .* UTC\)\. Pass --force to replace it\.$/,
    );
    expect(await readdir(out)).toContain('model.onnx');

    expect(await exportCommand(file, { format: 'tfjs', out, force: true }, captureIo())).toBe(0);
    expect(await readdir(out)).toContain('model.json');
    expect(await readdir(out)).not.toContain('model.onnx');
    expect((await readdir(folder)).sort()).toEqual(['data', 'notes.txt', 'p-onnx', 'p.strata']);
  });

  it('keeps an earlier export that someone has since added a file to', async () => {
    const { folder, file } = await userFolder();
    const out = join(folder, 'p-onnx');
    expect(await exportCommand(file, { format: 'onnx', out }, captureIo())).toBe(0);
    await writeFile(join(out, 'results.md'), 'my results');
    const io = captureIo();
    expect(await exportCommand(file, { format: 'onnx', out, force: true }, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      /earlier Strata export, but it now also holds .*results\.md/,
    );
    expect(await readFile(join(out, 'results.md'), 'utf8')).toBe('my results');
  });
});
