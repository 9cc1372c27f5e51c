import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns, readRunLog } from '../../services/runs/runs.js';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { newCommand } from './new.js';
import { runsCommand } from './runs.js';
import { trainCommand } from './train.js';

const inFolder = useTempFolder();
const quick = { backend: 'cpu', batchesPerEpoch: 3, batchSize: 16 };

describe('strata train', () => {
  it('trains, prints each epoch and keeps the run beside the project', async () => {
    const file = inFolder('digits.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const io = captureIo();
    expect(await trainCommand(file, { ...quick, epochs: 2 }, io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/training on cpu/);
    expect(io.stdout.filter((l) => /^epoch \d\/2 .*loss .*val_accuracy/.test(l))).toHaveLength(2);

    const [run] = await listRuns(file);
    expect(run).toMatchObject({ status: 'finished', dataset: 'mnist-flat' });
    expect(run.summary?.epochs).toBe(2);
    expect(await readdir(run.dir)).toEqual(
      expect.arrayContaining([
        'config.json',
        'metrics.jsonl',
        'summary.json',
        'checkpoints',
        'models',
      ]),
    );
    expect(await readdir(join(run.dir, 'models', 'main'))).toEqual(['model.json', 'weights.bin']);
    const log = await readRunLog(run.dir);
    expect(log.filter((e) => e.type === 'epoch')).toHaveLength(2);

    const listed = captureIo();
    expect(await runsCommand(file, listed)).toBe(0);
    expect(listed.stdout[0]).toMatch(new RegExp(`^${run.runId}\\s+finished`));
  });

  it('resumes a run from its checkpoint', async () => {
    const file = inFolder('resume.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    await trainCommand(file, { ...quick, epochs: 1 }, captureIo());
    const [first] = await listRuns(file);
    const io = captureIo();
    expect(await trainCommand(file, { ...quick, epochs: 2, resume: first.runId }, io)).toBe(0);
    expect(io.stdout).toContain('resuming after epoch 1');
    expect(io.stdout.filter((l) => l.startsWith('epoch '))).toEqual([
      expect.stringMatching(/^epoch 2\/2/),
    ]);
  });

  it('fails with the reason when the project cannot train', async () => {
    const io = captureIo();
    expect(await trainCommand(inFolder('missing.strata'), quick, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/cannot open/);
  });
});
