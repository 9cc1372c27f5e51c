import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '../../../shared/templates/index.js';
import { coverageGraphs } from '../pytorch/coverage-graphs.js';
import { parityCase, PYTHON, type ParityCase } from '../pytorch/parity-harness.js';
import { pythonNames } from '../pytorch/python.js';
import { exportKeras } from './exporter.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Loads an export with the stub `tensorflow` (keras_stub.py) and reports what it built. */
const REPORT = `
import importlib.util, json, sys
sys.path.insert(0, sys.argv[1])
import keras_stub
spec = importlib.util.spec_from_file_location("exported", sys.argv[2] + "/model.py")
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
model = module.load_model()
print(json.dumps({
    "layers": {l.name: {"shape": list(l.output_shape), "weights": [list(s) for s in l.weight_shapes],
                        "loaded": l.loaded} for l in model.layers},
    "outputs": [list(s) for s in model.output_shapes],
    "params": model.count_params(),
}))
`;

interface Report {
  layers: Record<string, { shape: (number | null)[]; weights: number[][]; loaded: boolean }>;
  outputs: (number | null)[][];
  params: number;
}

const numpy = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (!numpy && !process.env.CI)
  console.warn('Skipping the Keras export checks: no numpy for /usr/bin/python3.');

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-keras-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const cases = (): ParityCase[] => [
  ...templates.flatMap((t) =>
    t.project.models.map((m) => parityCase(`${t.name}/${m.id}`, t.project, m)),
  ),
  ...Object.entries(coverageGraphs).map(([name, g]) => parityCase(name, templates[0].project, g)),
];

describe.runIf(numpy || process.env.CI)('exportKeras', () => {
  it.each(cases().map((c) => [c.name, c] as const))(
    '%s: the Keras file builds the layers, shapes and weights tfjs has',
    async (name, c) => {
      const out = join(root, name.replace(/[^A-Za-z0-9_-]/g, '_'));
      const result = await exportKeras(c.input, out);
      expect(result).toMatchObject({ ok: true });
      expect((await readdir(out)).sort()).toEqual(['model.py', 'weights.safetensors']);
      const run = spawnSync(PYTHON, ['-c', REPORT, here, out], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as Report;
      const { flat, model, layerNames } = c.input;
      const names = pythonNames(flat.order);
      const tfjsLayers = new Map(model.layers.map((l) => [l.name, l]));
      for (const id of flat.order) {
        const node = flat.nodes.get(id)!;
        if (node.kind === 'Input' || node.kind === 'Output') continue;
        const keras = report.layers[names.get(id)!];
        const tfjs = tfjsLayers.get(layerNames.get(id)!);
        const shape = tfjs ? tfjs.outputShape : [null, ...node.shape!];
        expect(keras?.shape, id).toEqual(shape);
        const weights = tfjs?.getWeights().map((w) => w.shape) ?? [];
        expect(keras.weights, id).toEqual(weights);
        expect(keras.loaded, id).toBe(weights.length > 0);
      }
      expect(report.outputs).toEqual(model.outputs.map((o) => o.shape));
      expect(report.params).toBe(model.countParams());
      model.dispose();
    },
  );
});
