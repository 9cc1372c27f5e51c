import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns, readRunLog } from '../../services/runs/runs.js';
import { captureIo } from '../capture.js';
import { barDigits } from '../../services/datasets/import/idx-fixture.test-util.js';
import { useTempFolder } from '../fixture-folder.js';
import { dataAddCommand, dataListCommand, dataShowCommand } from './data.js';
import { evaluateCommand } from './evaluate.js';
import { newCommand } from './new.js';
import { trainCommand } from './train.js';

const inFolder = useTempFolder();

/** n 28×28 digits as an IDX pair in `dir`; returns the two paths. */
async function writeDigits(dir: string, prefix: string, n: number) {
  const { images, labels } = barDigits(n);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${prefix}-images-idx3-ubyte`), images);
  await writeFile(join(dir, `${prefix}-labels-idx1-ubyte`), labels);
  return {
    images: join(dir, `${prefix}-images-idx3-ubyte`),
    labels: join(dir, `${prefix}-labels-idx1-ubyte`),
  };
}

/** The MLP template with a Flatten after a 28×28×1 Input, so it takes IDX images as they are. */
async function imageMlp(file: string) {
  await newCommand(file, { template: 'mlp-mnist' }, captureIo());
  const doc = JSON.parse(await readFile(file, 'utf8'));
  const [model] = doc.models;
  const input = model.nodes.find((n: { kind: string }) => n.kind === 'Input');
  input.params.shape = [28, 28, 1];
  model.nodes.push({ id: 'flat', kind: 'Flatten', params: {}, position: { x: 0, y: 50 } });
  const first = model.edges.find((e: { source: string }) => e.source === input.id);
  model.edges.push({ id: 'to-flat', source: input.id, target: 'flat', targetPort: 0 });
  first.source = 'flat';
  // A small validation split keeps the per-epoch scoring quick on a busy machine.
  doc.recipe.validationSplit = 0.02;
  await writeFile(file, JSON.stringify(doc));
}

describe('strata data', () => {
  it('adds a 60,000-image IDX pair with a test pair, trains two epochs on it and evaluates the run', async () => {
    const file = inFolder('digits.strata');
    await imageMlp(file);
    const train = await writeDigits(join(dirname(file), 'data'), 'train', 60_000);
    const test = await writeDigits(join(dirname(file), 'data'), 't10k', 1_000);

    const added = captureIo();
    const code = await dataAddCommand(
      file,
      { idx: [train.images, train.labels], test: [test.images, test.labels], id: 'digits' },
      added,
    );
    expect(code, added.text()).toBe(0);
    expect(added.stdout).toContain('  input: 28×28×1 float32');
    expect(added.stdout).toContain(
      '  examples: 60,000 + 1,000 in the test files (train 54,000, validation 6,000, test 1,000)',
    );
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.formatVersion).toBe(3);
    expect(saved.datasets[0]).toMatchObject({
      id: 'digits',
      kind: 'idx',
      files: { images: 'data/train-images-idx3-ubyte', labels: 'data/train-labels-idx1-ubyte' },
      test: { images: 'data/t10k-images-idx3-ubyte', labels: 'data/t10k-labels-idx1-ubyte' },
      summary: { inputShape: [28, 28, 1], examples: 60_000, testExamples: 1_000 },
    });

    const listed = captureIo();
    expect(await dataListCommand(file, listed)).toBe(0);
    expect(listed.stdout[0]).toBe('digits  idx  28×28×1  10 classes  60,000 examples + 1,000 test');

    const shown = captureIo();
    expect(await dataShowCommand(file, 'digits', shown)).toBe(0);
    expect(shown.stdout[0]).toBe('dataset digits (from the decoded cache)');
    expect(shown.stdout).toContain('    0: 6,000 (test 100)');
    expect(shown.stdout.some((l) => l.includes('@@@@@@@@@@@@@@@@@@@@@@@@@@@@'))).toBe(true);

    const trained = captureIo();
    const options = {
      dataset: 'digits',
      epochs: 2,
      batchesPerEpoch: 20,
      batchSize: 64,
      backend: 'cpu',
    };
    expect(await trainCommand(file, options, trained), trained.text()).toBe(0);
    expect(trained.stdout.join('\n')).toMatch(/58800 train \/ 1200 validation examples/);
    expect(trained.stdout).toContainEqual(
      expect.stringMatching(/^test set, 1000 examples {2}test_loss \d/),
    );
    const [run] = await listRuns(file);
    expect(run.summary?.test?.accuracy).toBeGreaterThan(0);
    const log = await readRunLog(run.dir);
    expect(log.find((e) => e.type === 'test')).toMatchObject({ examples: 1_000 });

    const evaluated = captureIo();
    expect(
      await evaluateCommand(file, { run: run.runId, backend: 'cpu' }, evaluated),
      evaluated.text(),
    ).toBe(0);
    expect(evaluated.stdout[0]).toBe('digits, test split: 1,000 examples');
    expect(evaluated.stdout[1]).toMatch(/^loss \d+\.\d{4}$/);
    const accuracy = Number(/^accuracy (\S+)$/.exec(evaluated.stdout[2])?.[1]);
    expect(accuracy).toBeCloseTo(run.summary?.test?.accuracy ?? -1, 4);
    expect(evaluated.stdout[3]).toBe('confusion matrix (rows: actual, columns: predicted)');
    const rows = evaluated.stdout
      .slice(5, 15)
      .map((l) => l.trim().split(/\s+/).slice(1).map(Number));
    expect(rows.flat().reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(rows.map((r) => r.reduce((a, b) => a + b, 0))).toEqual(Array(10).fill(100));
  }, 240_000);

  it('leaves the project file unchanged when the CSV cannot be imported, naming the row', async () => {
    const file = inFolder('table.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const before = await readFile(file, 'utf8');
    const csv = inFolder('broken.csv');
    await writeFile(csv, 'a,b,kind\n1,2,x\n3,"4,y\n');
    const io = captureIo();
    expect(await dataAddCommand(file, { csv, target: 'kind' }, io)).toBe(1);
    expect(io.stderr[0]).toBe(`strata: cannot add dataset "broken"; ${file} was not changed:`);
    expect(io.stderr[1]).toContain(`${csv}, line 3`);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('adds a CSV table by its target column and names each missing file later', async () => {
    const file = inFolder('houses.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const csv = inFolder('houses.csv');
    await writeFile(csv, 'rooms,area,price\n3,70,200\n4,90,260\n2,50,150\n5,120,330\n');
    const io = captureIo();
    expect(
      await dataAddCommand(file, { csv, target: 'price', targetKind: 'values' }, io),
      io.text(),
    ).toBe(0);
    expect(io.stdout).toContain('  target: values 1');
    await writeFile(csv, '');
    const { rm } = await import('node:fs/promises');
    await rm(csv);
    const listed = captureIo();
    await dataListCommand(file, listed);
    expect(listed.stdout[0]).toBe(`houses  csv  2  values  4 examples  MISSING: ${csv}`);
  });

  it('tells an offline machine so when a download cannot start, and leaves the project as it was', async () => {
    const file = inFolder('clothes.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const before = await readFile(file, 'utf8');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const saved = { ...process.env };
    process.env.STRATA_DATASET_MIRROR = `http://127.0.0.1:${port}/`;
    process.env.STRATA_CACHE_DIR = inFolder('cache');
    try {
      const io = captureIo();
      expect(await dataAddCommand(file, { download: 'fashion-mnist' }, io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(
        /cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\): this machine seems to be offline/,
      );
    } finally {
      process.env = saved;
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('says what is wrong with the flags', async () => {
    const file = inFolder('x.strata');
    await newCommand(file, { template: 'mlp-mnist' }, captureIo());
    const io = captureIo();
    expect(await dataAddCommand(file, { csv: 'a.csv' }, io)).toBe(2);
    expect(io.stderr).toEqual(['strata: --csv needs --target <column>']);
    const download = captureIo();
    expect(await dataAddCommand(file, { download: 'mnist-huge' }, download)).toBe(2);
    expect(download.stderr[0]).toMatch(
      /no downloadable set "mnist-huge" \(known: mnist-full, fashion-mnist/,
    );
  });
});
