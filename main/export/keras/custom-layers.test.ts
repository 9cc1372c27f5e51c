import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerKind } from '../../../shared/layers/catalogue.js';
import { findTemplate, templates } from '../../../shared/templates/index.js';
import { coverageGraphs } from '../pytorch/coverage-graphs.js';
import { parityCase, PYTHON, type ParityCase } from '../pytorch/parity-harness.js';
import { exportKeras } from './exporter.js';
import type { KerasEmitter, KerasLayer } from './layer.js';
import { kerasEmitters } from './table.js';

const here = dirname(fileURLToPath(import.meta.url));
const CUSTOM: readonly string[] = [
  'TransformerEncoderBlock',
  'TransformerDecoderBlock',
  'PositionEmbedding',
  'SinusoidalPositionalEncoding',
];

/** Builds each layer from the exported file under the numpy stub, sets tfjs' weights, calls it. */
const RUNNER = `
import importlib.util, json, sys
import numpy as np
sys.path.insert(0, sys.argv[1])
import numpy_tf_stub
results = []
for job in json.load(open(sys.argv[2])):
    spec = importlib.util.spec_from_file_location("exported", job["folder"] + "/model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    layer = eval(job["ctor"], vars(module))
    inputs = [np.array(i["values"], dtype=np.float64).reshape(i["shape"]) for i in job["inputs"]]
    shapes = [tuple(i.shape) for i in inputs]
    layer.build(shapes if len(shapes) > 1 else shapes[0])
    layer.set_weights([np.array(w["values"]).reshape(w["shape"]) for w in job["weights"]])
    out = layer.call(inputs if len(inputs) > 1 else inputs[0])
    results.append(np.asarray(out).reshape(-1).tolist())
print(json.dumps(results))
`;

interface Job {
  name: string;
  expected: Float32Array;
  folder: string;
  ctor: string;
  inputs: { shape: number[]; values: number[] }[];
  weights: { shape: number[]; values: number[] }[];
}

const numpy = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
let root = '';
const jobs: Job[] = [];
let results: number[][] = [];

const plain = (t: tf.Tensor) => ({ shape: t.shape, values: Array.from(t.dataSync()) });

/** One job per custom layer of the case: its inputs and output in tfjs, its Keras constructor. */
async function jobsOf(c: ParityCase): Promise<Job[]> {
  const folder = join(root, c.name.replace(/[^A-Za-z0-9_-]/g, '_'));
  await exportKeras(c.input, folder);
  const { flat, model, layerNames } = c.input;
  const found: Job[] = [];
  for (const id of flat.order) {
    const node = flat.nodes.get(id)!;
    if (!CUSTOM.includes(node.kind)) continue;
    const layer = model.getLayer(layerNames.get(id)!);
    const ins = ([] as tf.SymbolicTensor[]).concat(layer.input);
    const probe = tf.model({
      inputs: model.inputs,
      outputs: [...ins, layer.output as tf.SymbolicTensor],
    });
    const values = ([] as tf.Tensor[]).concat(
      probe.predict(c.inputs.length === 1 ? c.inputs[0] : c.inputs),
    );
    const emit = kerasEmitters[node.kind as LayerKind] as KerasEmitter<LayerKind>;
    const shapes = node.inputs.map((s) => flat.nodes.get(s)!.shape!);
    const keras = emit(node.params as never, { inputs: shapes, output: node.shape! }) as KerasLayer;
    found.push({
      name: `${c.name}/${id} (${node.kind})`,
      expected: values.at(-1)!.dataSync() as Float32Array,
      folder,
      ctor: `${keras.layer}(${keras.args})`,
      inputs: values.slice(0, -1).map(plain),
      weights: layer.getWeights().map(plain),
    });
    tf.dispose(values);
  }
  return found;
}

const cases = () => [
  ...['transformer-text-classifier', 'char-gpt'].map((name) => {
    const t = findTemplate(name)!;
    return parityCase(name, t.project, t.project.models[0]);
  }),
  parityCase('attention', templates[0].project, coverageGraphs.attention),
];

beforeAll(async () => {
  if (!numpy) return;
  root = await mkdtemp(join(tmpdir(), 'strata-keras-custom-'));
  for (const c of cases()) {
    jobs.push(...(await jobsOf(c)));
    c.input.model.dispose();
  }
  const file = join(root, 'jobs.json');
  await writeFile(file, JSON.stringify(jobs.map(({ expected: _, ...job }) => job)));
  const run = spawnSync(PYTHON, ['-c', RUNNER, here, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  results = JSON.parse(run.stdout) as number[][];
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe.runIf(numpy || process.env.CI)("Strata's layers written for Keras", () => {
  it('covers every custom layer kind', () => {
    const kinds = new Set(jobs.map((j) => /\((\w+)\)$/.exec(j.name)![1]));
    expect([...kinds].sort()).toEqual([...CUSTOM].sort());
  });

  it('compute what tfjs computes, with tfjs weights set through set_weights', () => {
    for (const [i, job] of jobs.entries()) {
      const worst = job.expected.reduce((m, v, j) => Math.max(m, Math.abs(v - results[i][j])), 0);
      console.info(`${job.name}: max |tfjs - keras code| = ${worst.toExponential(2)}`);
      expect(results[i].length, job.name).toBe(job.expected.length);
      expect(worst, job.name).toBeLessThan(1e-4);
    }
  });
});
