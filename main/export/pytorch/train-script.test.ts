import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/templates/index.js';
import { exportPyTorch } from './exporter.js';
import { parityCase, PYTHON, torchAvailable } from './parity-harness.js';

/** Runs train.py's main() for one epoch on random data shaped as its docstring asks. */
const DRIVER = `
import importlib.util, sys, torch
folder, data = sys.argv[1], sys.argv[2]
sys.argv = [folder + "/train.py"]
spec = importlib.util.spec_from_file_location("train", folder + "/train.py")
train = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train)
train.RECIPE["epochs"] = 1
train.RECIPE["schedule"] = {"kind": "cosine", "minFraction": 0.1, "warmupSteps": 2}
train.load_dataset = {
    "digits": lambda: (torch.rand(40, 784), torch.randint(0, 10, (40,))),
    "images": lambda: (torch.rand(40, 28, 28, 1), None),
}[data]
train.main()
`;

const available = torchAvailable();
let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-pytorch-train-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.runIf(available || process.env.CI)('train.py', () => {
  it.each([
    ['mlp-mnist', 'mlp', 'digits', ['trained.pt']],
    ['dcgan', 'generator', 'images', ['trained.pt', 'trained_discriminator.pt']],
  ] as const)('%s trains for an epoch and saves its state', async (name, model, data, saved) => {
    expect(available).toBe(true);
    const t = findTemplate(name)!;
    for (const m of t.project.models) {
      const c = parityCase(m.id, t.project, m);
      await exportPyTorch(c.input, join(root, name, m.id));
      c.input.model.dispose();
    }
    const folder = join(root, name, model);
    const run = spawnSync(PYTHON, ['-c', DRIVER, folder, data], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/epoch 1: .*loss \d/);
    expect(await readdir(folder)).toEqual(expect.arrayContaining([...saved]));
  });
});
