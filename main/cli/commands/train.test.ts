import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
/** Tests that train twice: each start loads a worker thread, TensorFlow.js and the digits. */
const TWO_RUNS_MS = 180_000;

/** Every file under `dir` with its contents, to show that nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const entries = files
    .filter((f) => f.isFile())
    .map(async (f) => {
      const path = join(f.parentPath, f.name);
      return [path, (await readFile(path)).toString('base64')] as const;
    });
  return Object.fromEntries(await Promise.all(entries));
}

describe('strata train', () => {
  it('trains, prints each epoch and keeps the run beside the project', async () => {
    const file = inFolder('digits.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const io = captureIo();
    expect(await trainCommand(file, { ...quick, epochs: 2 }, io)).toBe(0);
    // Off a terminal too: how the backend runs, and each epoch's training throughput.
    expect(io.stdout.join('\n')).toMatch(/training on cpu \(plain JavaScript; requested\)/);
    expect(
      io.stdout.filter((l) =>
        /^epoch \d\/2 .*loss .*val_accuracy .*\(\d+\.\d s, \d+ samples\/s\)$/.test(l),
      ),
    ).toHaveLength(2);

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

  it(
    'resumes from the newest intact checkpoint, saying which one it skipped and why',
    async () => {
      const file = inFolder('resume.strata');
      await newCommand(file, { template: 'mlp-mnist' }, captureIo());
      await trainCommand(file, { ...quick, epochs: 2 }, captureIo());
      const [first] = await listRuns(file);
      await writeFile(join(first.dir, 'checkpoints', 'epoch-00002', 'model-main.bin'), 'garbage');
      const io = captureIo();
      expect(await trainCommand(file, { ...quick, epochs: 3, resume: first.runId }, io)).toBe(0);
      expect(io.stderr).toContain(
        'warning: skipped checkpoint epoch-00002: model-main.bin is corrupt (checksum mismatch)',
      );
      expect(io.stdout).toContain('resuming after epoch 1 (checkpoint epoch-00001)');
      expect(io.stdout.filter((l) => l.startsWith('epoch '))).toEqual([
        expect.stringMatching(/^epoch 2\/3/),
        expect.stringMatching(/^epoch 3\/3/),
      ]);
    },
    TWO_RUNS_MS,
  );

  it(
    'Ctrl+C inside an epoch checkpoints that batch; --resume continues from the next one',
    async () => {
      const file = inFolder('stop.strata');
      await newCommand(file, { template: 'mlp-mnist' }, captureIo());
      // Stop as soon as it starts, as Ctrl+C would: the run stops after its first batch or so.
      const stopped = captureIo();
      const settings = { ...quick, epochs: 3 };
      expect(await trainCommand(file, settings, stopped, (handle) => handle.stop())).toBe(0);
      expect(stopped.stdout).toContain('stopped: Stopped by the user.');
      const [run] = await listRuns(file);
      const [checkpoint] = await readdir(join(run.dir, 'checkpoints'));
      const [, epoch, batch] = /^epoch-(\d{5})-batch-(\d{5})$/.exec(checkpoint) ?? [];
      expect(epoch).toBeDefined();

      const resumed = captureIo();
      expect(await trainCommand(file, { ...settings, resume: run.runId }, resumed)).toBe(0);
      expect(resumed.stdout).toContain(
        `resuming in epoch ${Number(epoch)} after batch ${Number(batch)} (checkpoint ${checkpoint})`,
      );
      const log = await readRunLog(run.dir);
      const started = log.filter((e) => e.type === 'started');
      expect(started[1]).toMatchObject({ resumedFrom: { batch: Number(batch) } });
      expect(log.at(-1)).toMatchObject({ type: 'finished', step: 9 });
    },
    TWO_RUNS_MS,
  );

  it(
    'refuses to resume a run with no usable checkpoint, and keeps the run as it was',
    async () => {
      const file = inFolder('broken.strata');
      await newCommand(file, { template: 'mlp-mnist' }, captureIo());
      await trainCommand(file, { ...quick, epochs: 2 }, captureIo());
      const [run] = await listRuns(file);
      const checkpoints = join(run.dir, 'checkpoints');
      for (const folder of await readdir(checkpoints)) {
        await writeFile(join(checkpoints, folder, 'manifest.json'), 'not json');
      }
      const before = await snapshot(run.dir);
      const io = captureIo();
      expect(await trainCommand(file, { ...quick, epochs: 3, resume: run.runId }, io)).toBe(1);
      expect(io.stderr).toEqual([
        `strata: Cannot resume run "${run.runId}": none of its checkpoints can be used (epoch-00002: its manifest.json is not valid JSON; epoch-00001: its manifest.json is not valid JSON). They were kept as they are; start a new run instead.`,
      ]);
      expect(await snapshot(run.dir)).toEqual(before);

      await rm(checkpoints, { recursive: true });
      const never = captureIo();
      expect(await trainCommand(file, { ...quick, resume: run.runId }, never)).toBe(1);
      expect(never.stderr[0]).toMatch(/it has no checkpoint \(it stopped before saving one\)/);
    },
    TWO_RUNS_MS,
  );

  it('says a run does not exist, and refuses what is not a run id, without a stack trace', async () => {
    const file = inFolder('none.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const missing = captureIo();
    expect(await trainCommand(file, { ...quick, resume: 'no-such-run' }, missing)).toBe(1);
    expect(missing.stderr).toEqual(['strata: The project has no run "no-such-run".']);
    const outside = captureIo();
    expect(await trainCommand(file, { ...quick, resume: '../../etc' }, outside)).toBe(1);
    expect(outside.stderr[0]).toMatch(/^strata: "\.\.\/\.\.\/etc" is not a run id/);
    expect(await listRuns(file)).toEqual([]);
  });

  it('checks the model against the --dataset given, and leaves no run folder when refused', async () => {
    const file = inFolder('fit.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const io = captureIo();
    expect(await trainCommand(file, { ...quick, dataset: 'iris' }, io)).toBe(1);
    expect(io.stderr[0]).toBe(`strata: cannot train ${file} on "iris":`);
    expect(io.stderr.join('\n')).toMatch(
      /MLP: The Input is 784, but Iris flowers examples are 4\. Set the Input shape to 4\./,
    );
    expect(io.text()).not.toMatch(/dense_?\d|layer/i);
    expect(await readdir(inFolder('.'))).toEqual(['fit.strata']);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    '--dataset %s is no such dataset',
    async (name) => {
      const file = inFolder('proto.strata');
      await newCommand(file, { template: 'mlp-mnist' }, captureIo());
      const io = captureIo();
      expect(await trainCommand(file, { ...quick, dataset: name }, io)).toBe(1);
      expect(io.stderr[1]).toMatch(
        new RegExp(`^  No such dataset "${name}"\\. The project can train on: mnist, `),
      );
      expect(await readdir(inFolder('.'))).toEqual(['proto.strata']);
    },
  );

  it('leaves no run folder when the run fails before it starts', async () => {
    const file = inFolder('backend.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const io = captureIo();
    expect(await trainCommand(file, { ...quick, backend: 'abacus' }, io)).toBe(1);
    expect(io.stderr).toEqual([
      expect.stringMatching(/^training failed: Unknown backend 'abacus'; expected one of /),
      'nothing was kept: the run failed before it started',
    ]);
    expect(await readdir(inFolder('.'))).toEqual(['backend.strata']);
  });

  it('fails with the reason when the project cannot train', async () => {
    const io = captureIo();
    expect(await trainCommand(inFolder('missing.strata'), quick, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/cannot open/);
  });
});
