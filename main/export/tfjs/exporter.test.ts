import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '../../../shared/templates/index.js';
import type { ExportInput } from '../exporter.js';
import { coverageGraphs } from '../coverage.fixture.js';
import { compileForExport } from '../prepare.js';
import { exportTfjs, TFJS_FILES } from './exporter.js';

const run = promisify(execFile);
let folder = '';

beforeAll(async () => {
  await tf.setBackend('cpu');
  folder = await mkdtemp(join(tmpdir(), 'strata-tfjs-export-'));
  // The child process finds @tensorflow/tfjs the way a user's project would: in node_modules.
  await symlink(resolve('node_modules'), join(folder, 'node_modules'), 'dir');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function compiled(project: ExportInput['project'], graph: ExportInput['graph']): ExportInput {
  const input = compileForExport(project, graph);
  if (typeof input === 'string') throw new Error(input);
  return input;
}

/** Two examples per input: token ids below every template's vocabulary, or values in [-1, 1). */
function examples(model: tf.LayersModel): tf.Tensor[] {
  return model.inputs.map((input) => {
    const shape = [2, ...input.shape.slice(1).map((d) => d ?? 8)];
    return input.dtype === 'int32'
      ? tf.randomUniform(shape, 0, 90, 'int32')
      : tf.randomUniform(shape, -1, 1);
  });
}

/** Loads every case with nothing but @tensorflow/tfjs and the exported strata-layers.js. */
const CHECK = `
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
await import(process.argv[2] + '/strata-layers.js');
await tf.setBackend('cpu');
const results = {};
for (const dir of process.argv.slice(2)) {
  const json = JSON.parse(await readFile(dir + '/model.json', 'utf8'));
  const weights = await readFile(dir + '/weights.bin');
  const model = await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  }));
  const inputs = JSON.parse(await readFile(dir + '/inputs.json', 'utf8'))
    .map(({ values, shape, dtype }) => tf.tensor(values, shape, dtype));
  const outputs = [model.predict(inputs.length === 1 ? inputs[0] : inputs)].flat();
  results[dir] = outputs.map((o) => Array.from(o.dataSync()));
}
process.stdout.write(JSON.stringify(results));
`;

describe('TF.js export', () => {
  const cases = [
    ...templates.flatMap((t) =>
      t.project.models.map((graph) => ({ id: `${t.name}-${graph.id}`, project: t.project, graph })),
    ),
    // Graphs using every kind the templates leave out (SeparableConv2D, attention, decoder…).
    ...coverageGraphs().map((graph) => ({
      id: `coverage-${graph.id}`,
      project: { ...templates[0].project, models: [graph] },
      graph,
    })),
  ];

  it('writes every template and layer kind so plain @tensorflow/tfjs plus strata-layers.js predicts the same', async () => {
    const expected = new Map<string, number[][]>();
    for (const { id, project, graph } of cases) {
      const input = compiled(project, graph);
      const dir = join(folder, id);
      const result = await exportTfjs(input, dir);
      expect(result).toEqual({
        ok: true,
        files: TFJS_FILES.map((f) => join(dir, f)),
        notes: expect.any(Array),
      });
      const inputs = examples(input.model);
      const stored = inputs.map((t) => ({
        values: Array.from(t.dataSync()),
        shape: t.shape,
        dtype: t.dtype,
      }));
      await writeFile(join(dir, 'inputs.json'), JSON.stringify(stored));
      const outputs = [
        input.model.predict(inputs.length === 1 ? inputs[0] : inputs),
      ].flat() as tf.Tensor[];
      expected.set(
        dir,
        outputs.map((o) => Array.from(o.dataSync())),
      );
      input.model.dispose();
    }
    const script = join(folder, 'check.mjs');
    await writeFile(script, CHECK);
    const dirs = [...expected.keys()];
    const { stdout } = await run(process.execPath, [script, ...dirs], { maxBuffer: 1 << 28 });
    const loaded = JSON.parse(stdout) as Record<string, number[][]>;
    for (const dir of dirs) {
      const want = expected.get(dir)!;
      expect(
        loaded[dir].map((o) => o.length),
        dir,
      ).toEqual(want.map((o) => o.length));
      want.forEach((values, o) =>
        values.forEach((v, i) => expect(Math.abs(loaded[dir][o][i] - v), dir).toBeLessThan(1e-5)),
      );
    }
    // One module serves every model: the bundle does not depend on what it is exported with.
    const modules = await Promise.all(
      dirs.map((d) => readFile(join(d, 'strata-layers.js'), 'utf8')),
    );
    expect(new Set(modules).size).toBe(1);
  }, 240_000);

  it('ships a load.mjs example that runs with plain @tensorflow/tfjs', async () => {
    const { project } = templates.find((t) => t.name === 'gru-sequence-regressor')!;
    const input = compiled(project, project.models[0]);
    const dir = join(folder, 'example');
    await exportTfjs(input, dir);
    input.model.dispose();
    const { stdout } = await run(process.execPath, [join(dir, 'load.mjs')]);
    expect(stdout).toContain('output 0: shape [1,1]');
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toMatch(
      /Input `n_input_1`: \[None, 50, 1\] float32/,
    );
  });

  it('replaces what the output folder held and reports progress up to 1', async () => {
    const { project } = templates.find((t) => t.name === 'mlp-mnist')!;
    const input = compiled(project, project.models[0]);
    const dir = join(folder, 'replaced');
    await exportTfjs(input, dir);
    await writeFile(join(dir, 'stale.txt'), 'from an older export');
    const fractions: number[] = [];
    await exportTfjs(input, dir, (fraction) => fractions.push(fraction));
    input.model.dispose();
    expect((await readdir(dir)).sort()).toEqual([...TFJS_FILES].sort());
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });
});
