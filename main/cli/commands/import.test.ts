import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../../shared/project/analyze.js';
import { readProject } from '../../services/projects/files.js';
import { listRuns } from '../../services/runs/runs.js';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { newCommand } from './new.js';

const inFolder = useTempFolder();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A template exported as TF.js files; returns the export folder. */
async function exported(template: string): Promise<string> {
  const file = inFolder(`${template}.strata`);
  await newCommand(file, { template }, captureIo());
  const out = inFolder(`${template}-tfjs`);
  expect(await exportCommand(file, { format: 'tfjs', out }, captureIo())).toBe(0);
  return out;
}

describe('strata import', () => {
  it('creates a valid project whose weights come back out of strata export --run', async () => {
    const source = await exported('resnet-cnn');
    const file = inFolder('imported.strata');
    const io = captureIo();
    expect(await importCommand(join(source, 'model.json'), file, io)).toBe(0);
    expect(io.stderr).toEqual([]);

    const read = await readProject(file);
    if (!read.ok) throw new Error('the imported project does not open');
    const [{ analysis }] = analyzeProject(read.project);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // 28×28×1 images and a softmax over 10 classes: the bundled MNIST digits fit.
    expect(read.project.recipe).toMatchObject({ task: 'classification', dataset: 'mnist' });

    const [run] = await listRuns(file);
    expect(run.status).toBe('finished');
    expect(io.stdout.at(-1)).toBe(
      `Weights kept as run ${run.runId}; export them with --run ${run.runId}.`,
    );
    const again = inFolder('again');
    expect(
      await exportCommand(file, { format: 'tfjs', out: again, run: run.runId }, captureIo()),
    ).toBe(0);
    const bytes = async (dir: string) => readFile(join(dir, 'weights.bin'));
    expect(Buffer.compare(await bytes(again), await bytes(source))).toBe(0);
  });

  it('never overwrites a file and wants a .strata name', async () => {
    const source = join(await exported('mlp-mnist'), 'model.json');
    const file = inFolder('taken.strata');
    await writeFile(file, 'mine');
    const io = captureIo();
    expect(await importCommand(source, file, io)).toBe(1);
    expect(io.stderr[0]).toContain('already exists');
    expect(await readFile(file, 'utf8')).toBe('mine');
    expect(await importCommand(source, inFolder('project.json'), captureIo())).toBe(2);
  });

  it('lists the layers Strata cannot express and writes nothing', async () => {
    const dir = inFolder('odd');
    await mkdir(dir);
    const layer = (class_name: string, name: string, config: object, from?: string) => ({
      class_name,
      name,
      config: { name, ...config },
      inbound_nodes: from ? [[[from, 0, 0, {}]]] : [],
    });
    const topology = {
      class_name: 'Functional',
      config: {
        name: 'odd',
        layers: [
          layer('InputLayer', 'x', { batch_input_shape: [null, 4] }),
          layer('Lambda', 'double', { function: 'x * 2' }, 'x'),
          layer('Dense', 'head', { units: 2, activation: 'hard_sigmoid' }, 'double'),
        ],
        input_layers: [['x', 0, 0]],
        output_layers: [['head', 0, 0]],
      },
    };
    await writeFile(join(dir, 'model.json'), JSON.stringify({ modelTopology: topology }));
    const file = inFolder('odd.strata');
    const io = captureIo();
    expect(await importCommand(join(dir, 'model.json'), file, io)).toBe(1);
    expect(io.stderr).toEqual([
      `strata: Strata has no equivalent for 2 layer(s) of ${join(dir, 'model.json')}:`,
      '  double (Lambda): Strata has no layer of this class',
      '  head (Dense): activation "hard_sigmoid" has no Strata equivalent',
    ]);
    await expect(access(file)).rejects.toThrow();
  });

  it('names the weight files that are missing', async () => {
    const source = await exported('mlp-mnist');
    const json = await readFile(join(source, 'model.json'), 'utf8');
    const dir = inFolder('no-weights');
    await mkdir(dir);
    await writeFile(join(dir, 'model.json'), json);
    const io = captureIo();
    expect(await importCommand(join(dir, 'model.json'), inFolder('w.strata'), io)).toBe(1);
    expect(io.stderr[0]).toContain(`the weight files ${join(dir, 'weights.bin')} of`);
  });
});
