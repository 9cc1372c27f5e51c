import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainOf } from '../../../shared/graph/sketch.js';
import { templates } from '../../../shared/templates/index.js';
import { exportPyTorch } from './exporter.js';
import { parityCase, PYTHON } from './parity-harness.js';
import { decodeSafetensors } from './safetensors.js';

const project = templates[0].project;
let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-pytorch-export-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Python's own parser on a file: the generated code must at least be valid Python. */
function parses(file: string): string {
  const run = spawnSync(
    PYTHON,
    ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', file],
    {
      encoding: 'utf8',
    },
  );
  return run.status === 0 ? 'ok' : run.stderr;
}

describe('exportPyTorch', () => {
  it('writes model.py, the weights and train.py, all valid Python', async () => {
    const c = parityCase('mlp', project, project.models[0]);
    const out = join(root, 'mlp');
    const result = await exportPyTorch(c.input, out);
    expect(result).toMatchObject({ ok: true });
    expect((await readdir(out)).sort()).toEqual(['model.py', 'train.py', 'weights.safetensors']);
    expect(parses(join(out, 'model.py'))).toBe('ok');
    expect(parses(join(out, 'train.py'))).toBe('ok');
    const weights = decodeSafetensors(await readFile(join(out, 'weights.safetensors')));
    const total = [...weights.values()].reduce((n, t) => n + t.data.length, 0);
    expect(total).toBe(c.input.model.countParams());
    c.input.model.dispose();
  });

  it.each(
    templates.flatMap((t) => t.project.models.map((m) => [`${t.name}/${m.id}`, t, m] as const)),
  )('%s: train.py carries the recipe and parses', async (name, t, m) => {
    const c = parityCase(name, t.project, m);
    const out = join(root, name.replace('/', '__'));
    await exportPyTorch(c.input, out);
    const train = await readFile(join(out, 'train.py'), 'utf8');
    expect(parses(join(out, 'train.py'))).toBe('ok');
    const recipe = t.project.recipe;
    if (recipe.task === 'gan' && m.id !== recipe.model) {
      expect(train).toContain(`export the generator ("${recipe.model}")`);
    } else {
      expect(train).toContain(`"learningRate": ${recipe.optimizer.learningRate}`);
      expect(train).toContain(`"batchSize": ${recipe.batchSize}`);
      expect(train).toContain(`"epochs": ${recipe.epochs}`);
    }
    c.input.model.dispose();
  });

  it('names every node PyTorch cannot express, and writes nothing', async () => {
    const graph = chainOf(
      ['Input', { shape: [6, 2] }],
      ['LSTM', { units: 3, activation: 'relu', returnSequences: true }],
      ['GRU', { units: 3, resetAfter: false }],
      ['Output', {}],
    );
    const c = parityCase('refused', project, graph);
    const out = join(root, 'refused');
    const result = await exportPyTorch(c.input, out);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unsupported.map((u) => [u.nodeId, u.kind])).toEqual([
      ['n1', 'LSTM'],
      ['n2', 'GRU'],
    ]);
    expect(result.message).toContain('n1 (LSTM)');
    expect(result.message).toContain('relu');
    await expect(readdir(out)).rejects.toThrow();
    c.input.model.dispose();
  });

  it('reports progress up to completion', async () => {
    const c = parityCase('progress', project, project.models[0]);
    const seen: number[] = [];
    await exportPyTorch(c.input, join(root, 'progress'), (fraction) => seen.push(fraction));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    c.input.model.dispose();
  });
});
