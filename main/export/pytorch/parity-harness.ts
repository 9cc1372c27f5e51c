import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { GraphBody, ModelGraph } from '../../../shared/graph/document.js';
import type { Project } from '../../../shared/project/schema.js';
import { compileModel } from '../../engine/tfjs/compile.js';
import type { ExportInput } from '../exporter.js';

/** The interpreter the checks use: Debian's, which has python3-torch. */
export const PYTHON = '/usr/bin/python3';

/** Whether `/usr/bin/python3` can import torch. */
export function torchAvailable(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return probe.status === 0;
}

/**
 * Gives every weight a random value: kernels keep their Glorot draw, and biases, norm gains and
 * offsets, running statistics and embeddings get values far from their zero/one defaults, so a
 * weight sent to the wrong place shows in the outputs.
 */
export function randomiseWeights(model: tf.LayersModel, seed: number): void {
  let n = seed;
  for (const weight of model.weights) {
    const value = weight.read();
    const positive = /gamma|moving_variance/.test(weight.originalName);
    const fresh = /kernel/.test(weight.originalName)
      ? null
      : tf.randomUniform(value.shape, positive ? 0.5 : -0.5, positive ? 1.5 : 0.5, 'float32', n++);
    if (fresh) weight.write(fresh);
  }
}

/** A compiled model ready to export, plus random inputs and what tfjs makes of them. */
export interface ParityCase {
  name: string;
  input: ExportInput;
  inputs: tf.Tensor[];
  expected: tf.Tensor[];
}

/** Compiles `graph`, randomises its weights, draws a batch of inputs and runs tfjs on them. */
export function parityCase(
  name: string,
  project: Project,
  graph: GraphBody & Partial<ModelGraph>,
  seed = 1,
): ParityCase {
  const model: ModelGraph = { id: graph.id ?? name, name: graph.name ?? name, ...graph };
  const compiled = compileModel(model, model.id, { blocks: project.blocks });
  if (!compiled.ok) throw new Error(`${name}: ${JSON.stringify(compiled.diagnostics)}`);
  randomiseWeights(compiled.model, seed);
  const { flat } = compiled.analysis;
  const vocab = Math.min(
    ...flat.order
      .map((id) => flat.nodes.get(id)!)
      .filter((n) => n.kind === 'Embedding')
      .map((n) => n.params!.inputDim as number),
    10,
  );
  const inputs = compiled.model.inputs.map((symbolic, i) => {
    const shape = [3, ...symbolic.shape.slice(1).map((d) => d ?? 5)];
    return symbolic.dtype === 'int32'
      ? tf.randomUniform(shape, 0, vocab, 'int32', seed + i)
      : tf.randomUniform(shape, -1, 1, 'float32', seed + i);
  });
  const predicted = compiled.model.predict(inputs.length === 1 ? inputs[0] : inputs);
  return {
    name,
    input: {
      project,
      graph: model,
      flat,
      model: compiled.model,
      layerNames: compiled.layerNames,
    },
    inputs,
    expected: Array.isArray(predicted) ? predicted : [predicted],
  };
}

/** What torch computed for one exported folder. */
export interface TorchRun {
  error?: string;
  outputs: { shape: number[]; values: number[] }[];
  /** Σ p.numel() over the module's parameters. */
  params: number;
  /** Numbers in BatchNorm running statistics (buffers in torch, weights in Keras). */
  stats: number;
}

const RUNNER = `
import importlib.util, json, sys, traceback
from pathlib import Path
import torch

torch.set_num_threads(1)
for folder in map(Path, sys.argv[1:]):
    try:
        spec = importlib.util.spec_from_file_location("exported_" + folder.name, folder / "model.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        model = module.load_model()
        inputs = json.loads((folder / "inputs.json").read_text())
        args = [torch.tensor(i["values"], dtype=torch.float32 if i["dtype"] == "float32" else torch.int64)
                .reshape(i["shape"]) for i in inputs]
        with torch.no_grad():
            out = model(*args)
        outs = out if isinstance(out, tuple) else (out,)
        result = {
            "outputs": [{"shape": list(o.shape), "values": o.reshape(-1).tolist()} for o in outs],
            "params": sum(p.numel() for p in model.parameters()),
            "stats": sum(b.numel() for n, b in model.named_buffers()
                         if n.endswith(("running_mean", "running_var"))),
        }
    except Exception:
        result = {"error": traceback.format_exc(), "outputs": [], "params": 0, "stats": 0}
    (folder / "outputs.json").write_text(json.dumps(result))
`;

/** Writes each case's inputs beside its export, runs them all in one Python process, reads the results. */
export async function runInTorch(folders: string[], cases: ParityCase[]): Promise<TorchRun[]> {
  for (const [i, c] of cases.entries()) {
    await mkdir(folders[i], { recursive: true });
    const inputs = c.inputs.map((t) => ({
      dtype: t.dtype,
      shape: t.shape,
      values: Array.from(t.dataSync()),
    }));
    await writeFile(join(folders[i], 'inputs.json'), JSON.stringify(inputs));
  }
  const run = spawnSync(PYTHON, ['-c', RUNNER, ...folders], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  return Promise.all(
    folders.map(
      async (f) => JSON.parse(await readFile(join(f, 'outputs.json'), 'utf8')) as TorchRun,
    ),
  );
}

/** The largest |a − b| between tfjs' outputs and torch's. */
export function maxDifference(expected: tf.Tensor[], actual: TorchRun['outputs']): number {
  let worst = 0;
  expected.forEach((tensor, i) => {
    const values = tensor.dataSync();
    values.forEach((v, j) => {
      worst = Math.max(worst, Math.abs(v - actual[i].values[j]));
    });
  });
  return worst;
}

/**
 * torch's LSTM and RNN carry a recurrent bias Keras lacks (exported as zeros): Keras counts one
 * bias per gate (LSTM 4, SimpleRNN 1) and torch two, so torch has gates × units more per direction.
 */
export function torchSurplus(c: ParityCase): number {
  let surplus = 0;
  for (const node of c.input.flat.nodes.values()) {
    const p = node.params as { units: number; layer?: string };
    const kind = node.kind === 'Bidirectional' ? p.layer : node.kind;
    const directions = node.kind === 'Bidirectional' ? 2 : 1;
    if (kind === 'LSTM') surplus += directions * 4 * p.units;
    if (kind === 'SimpleRNN') surplus += directions * p.units;
  }
  return surplus;
}
