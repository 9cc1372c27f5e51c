import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/templates/index.js';
import { augmentImages } from '../../services/datasets/augmentation.js';
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
train.RECIPE["augmentation"] = {"flip": True, "shift": 2, "rotate": 10}
train.load_dataset = {
    "digits": lambda: (torch.rand(40, 784), torch.randint(0, 10, (40,))),
    "images": lambda: (torch.rand(40, 28, 28, 1), None),
    "labelled-images": lambda: (torch.rand(40, 28, 28, 1), torch.randint(0, 10, (40,))),
}[data]
changed = 0
augment = train.augment
def counting(x):
    global changed
    y = augment(x)
    changed += y is not x
    return y
train.augment = counting
train.main()
print(f"augmented batches: {changed}")
`;

/** Runs train.py's transform_images on JSON from stdin: x, its shape, and per-image parameters. */
const TRANSFORM = `
import importlib.util, json, sys, torch
spec = importlib.util.spec_from_file_location("train", sys.argv[1] + "/train.py")
train = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train)
d = json.load(sys.stdin)
p = {k: torch.tensor(v, dtype=torch.float32) for k, v in d["params"].items()}
x = torch.tensor(d["x"]).reshape(d["shape"])
print(json.dumps(train.transform_images(x, p["flip"], p["dx"], p["dy"], p["angle"]).flatten().tolist()))
`;

const available = torchAvailable();
let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-pytorch-train-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Exports every model of template `name` to PyTorch; answers the folder of `model`. */
const exports = new Map<string, Promise<void>>();
async function exportTemplate(name: string, model: string): Promise<string> {
  if (!exports.has(name)) {
    const t = findTemplate(name)!;
    const exporting = async () => {
      for (const m of t.project.models) {
        const c = parityCase(m.id, t.project, m);
        await exportPyTorch(c.input, join(root, name, m.id));
        c.input.model.dispose();
      }
    };
    exports.set(name, exporting());
  }
  await exports.get(name);
  return join(root, name, model);
}

describe.runIf(available || process.env.CI)('train.py', () => {
  it.each([
    // The driver turns augmentation on: it changes image batches and leaves flat inputs alone.
    ['mlp-mnist', 'mlp', 'digits', ['trained.pt'], false],
    ['dcgan', 'generator', 'images', ['trained.pt', 'trained_discriminator.pt'], true],
    ['mnist-cnn', 'cnn', 'labelled-images', ['trained.pt'], true],
  ] as const)(
    '%s trains for an epoch and saves its state',
    async (name, model, data, saved, images) => {
      expect(available).toBe(true);
      const folder = await exportTemplate(name, model);
      const run = spawnSync(PYTHON, ['-c', DRIVER, folder, data], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/epoch 1: .*loss \d/);
      expect(run.stdout).toMatch(images ? /augmented batches: [1-9]/ : /augmented batches: 0/);
      expect(await readdir(folder)).toEqual(expect.arrayContaining([...saved]));
    },
  );

  it('augments images exactly as Strata does: flip, shift and rotation', async () => {
    expect(available).toBe(true);
    const folder = await exportTemplate('mnist-cnn', 'cnn');
    // Non-square, three channels: a swapped axis or channel would show.
    const shape = [5, 7, 3] as const;
    const count = 3;
    const x = Float32Array.from({ length: count * 5 * 7 * 3 }, (_, i) => Math.sin(i * 1.7) + 1);
    // Four draws per image (flip, dx, dy, angle), scripted so Python can be given the same.
    const draws = [0.2, 0.9, 0.1, 0.7, 0.8, 0.3, 0.6, 0.2, 0.4, 0.5, 0.5, 0.95];
    const options = { flip: true, shift: 2, rotate: 20 };
    const expected = Float32Array.from(x);
    let next = 0;
    augmentImages(expected, count, shape, options, () => draws[next++]!);
    const perImage = (k: number, f: (u: number) => number) =>
      Array.from({ length: count }, (_, n) => f(draws[n * 4 + k]!));
    const params = {
      flip: perImage(0, (u) => (u < 0.5 ? -1 : 1)),
      dx: perImage(1, (u) => (u * 2 - 1) * options.shift),
      dy: perImage(2, (u) => (u * 2 - 1) * options.shift),
      angle: perImage(3, (u) => (((u * 2 - 1) * options.rotate) / 180) * Math.PI),
    };
    const run = spawnSync(PYTHON, ['-c', TRANSFORM, folder], {
      input: JSON.stringify({ x: Array.from(x), shape: [count, ...shape], params }),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const actual = JSON.parse(run.stdout) as number[];
    expect(actual).toHaveLength(expected.length);
    const worst = Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)));
    expect(worst).toBeLessThan(1e-5);
  });
});
