// One template as Strata trains it (its recipe's runner, optimizer, loss and dataset), with a few
// fixed batches, and the same template exported to PyTorch for the reference to train.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { ModelGraph } from '../../shared/graph/document.js';
import type { LossName } from '../../shared/layers/io.js';
import { findTemplate } from '../../shared/templates/index.js';
import { compileModel } from '../../main/engine/tfjs/compile.js';
import { ganRunner } from '../../main/engine/trainer/gan.js';
import { createOptimizer } from '../../main/engine/trainer/optimizers.js';
import { supervisedRunner } from '../../main/engine/trainer/supervised.js';
import type { TaskRunner } from '../../main/engine/trainer/task-runner.js';
import { exportPyTorch } from '../../main/export/pytorch/exporter.js';
import type { Batch } from '../../main/services/datasets/dataset.js';
import { openDataset } from '../../main/services/datasets/registry.js';

/** What the PyTorch worker's `load` command takes. */
export interface TorchJob {
  export: string;
  discriminator: string | null;
  task: string;
  x: { path: string; dtype: string; shape: number[] };
  y: { path: string; dtype: string; shape: number[] } | null;
  latent: number[];
}

export interface StrataJob {
  /** Trains batch `i` (modulo the batches held) with Strata's own training step. */
  step(i: number): void;
  /** The same template and batches for PyTorch, when asked for with `exportTo`. */
  torch?: TorchJob;
  dispose(): void;
}

interface Compiled {
  graph: ModelGraph;
  model: tf.LayersModel;
  exportInput: Parameters<typeof exportPyTorch>[0];
}

function lossOf(graph: ModelGraph): LossName {
  const output = graph.nodes.find((n) => n.kind === 'Output');
  return (output?.params.loss as LossName | undefined) ?? 'sparse_categorical_crossentropy';
}

/** Writes batches' x or y as one little-endian file of shape [batches, ...batch shape]. */
function writeBatches(path: string, batches: Batch[], part: 'x' | 'y'): TorchJob['x'] {
  const arrays = batches.map((b) => b[part]);
  const bytes = Buffer.concat(arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
  writeFileSync(path, bytes);
  const shape = part === 'x' ? batches[0]!.xShape : batches[0]!.yShape;
  const dtype = arrays[0] instanceof Int32Array ? 'int32' : 'float32';
  return { path, dtype, shape: [batches.length, ...shape] };
}

/**
 * Builds template `name` for training at `batchSize` on the current tfjs backend, holding `count`
 * batches of its recipe's dataset; with `exportTo`, also writes its PyTorch export (the weights
 * Strata starts from) and those batches there.
 */
export async function strataJob(
  name: string,
  batchSize: number,
  count: number,
  exportTo?: string,
): Promise<StrataJob> {
  const template = findTemplate(name);
  if (!template) throw new Error(`no template "${name}"`);
  const { project } = template;
  const { recipe } = project;
  const opened = await openDataset(recipe.dataset, { validation: 0, test: 0 });
  if (!opened.ok) throw new Error(`${name}: ${opened.errors[0]!.message}`);
  const dataset = opened.dataset;

  const compile = (id: string | undefined): Compiled => {
    const graph = project.models.find((m) => m.id === id)!;
    const compiled = compileModel(graph, graph.name, { blocks: project.blocks });
    if (!compiled.ok) throw new Error(`${name}: ${compiled.diagnostics[0]?.message}`);
    const { model, analysis, layerNames } = compiled;
    return {
      graph,
      model,
      exportInput: { project, graph, flat: analysis.flat, model, layerNames },
    };
  };
  const main = compile(recipe.model);
  const discriminator = recipe.task === 'gan' ? compile(recipe.discriminator) : undefined;
  const optimizers = [createOptimizer(recipe.optimizer), createOptimizer(recipe.optimizer)];
  const runner: TaskRunner = discriminator
    ? ganRunner(
        main.model,
        discriminator.model,
        { generator: optimizers[0]!, discriminator: optimizers[1]! },
        recipe.seed,
      )
    : supervisedRunner(recipe.task, main.model, lossOf(main.graph), optimizers[0]!, dataset);

  const batches: Batch[] = [];
  for (const batch of dataset.batches('train', { ...runner.batchOptions, batchSize })) {
    if (batch.size !== batchSize) continue;
    // The stream reuses its arrays: keep copies.
    batches.push({ ...batch, x: batch.x.slice(), y: batch.y.slice() });
    if (batches.length === count) break;
  }
  if (batches.length < count)
    throw new Error(`${name}: fewer than ${count} batches of ${batchSize}`);

  let torch: TorchJob | undefined;
  if (exportTo !== undefined) {
    const exportOne = async (compiled: Compiled, folder: string) => {
      const result = await exportPyTorch(compiled.exportInput, folder);
      if (!result.ok) throw new Error(`${name}: ${result.message}`);
      return folder;
    };
    mkdirSync(exportTo, { recursive: true });
    const own = recipe.task === 'autoencoder' || recipe.task === 'gan';
    torch = {
      export: await exportOne(main, join(exportTo, 'model')),
      discriminator: discriminator ? await exportOne(discriminator, join(exportTo, 'disc')) : null,
      task: recipe.task,
      x: writeBatches(join(exportTo, 'x.bin'), batches, 'x'),
      y: own ? null : writeBatches(join(exportTo, 'y.bin'), batches, 'y'),
      latent: main.model.inputs[0]!.shape.slice(1) as number[],
    };
  }

  return {
    step: (i) => {
      const { loss } = runner.step(batches[i % batches.length]!, recipe.clipNorm);
      if (!Number.isFinite(loss)) throw new Error(`${name}: the loss is ${loss}`);
    },
    torch,
    dispose: () => {
      runner.dispose();
      main.model.dispose();
      discriminator?.model.dispose();
      for (const optimizer of optimizers) optimizer.dispose();
    },
  };
}
