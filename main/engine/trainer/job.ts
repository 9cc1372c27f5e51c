import type * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { hasErrors } from '../../../shared/graph/diagnostics.js';
import type { ModelGraph } from '../../../shared/graph/document.js';
import type { LossName } from '../../../shared/layers/io.js';
import { analyzeProject } from '../../../shared/project/analyze.js';
import type { Project } from '../../../shared/project/schema.js';
import type { TrainingSettings } from '../../../shared/training/settings.js';
import { projectDatasetRequest } from '../../services/datasets/declared/request.js';
import { describeIssue } from '../../services/datasets/dataset.js';
import { openDataset, type DatasetRequest } from '../../services/datasets/registry.js';
import { readRunSnapshot, writeRunSnapshot } from '../../services/runs/snapshot.js';
import { selectBackend } from '../backends/ladder.js';
import { compileModel } from '../tfjs/compile.js';
import { saveModelFiles } from '../tfjs/model-files.js';
import type { RunControl } from './control.js';
import { ganRunner } from './gan.js';
import { runTrainingLoop, type LoopOutcome } from './loop.js';
import { createOptimizer } from './optimizers.js';
import { supervisedRunner } from './supervised.js';
import type { TaskRunner } from './task-runner.js';

/** A training run as plain data, so it can cross into a worker thread or utility process. @public */
export interface RunSpec {
  runId: string;
  project: Project;
  settings: TrainingSettings;
  /** Another dataset than the recipe's (an import, a download, or a declared dataset's id). */
  dataset?: DatasetRequest;
  /** The project's file: declared datasets' paths are relative to it. */
  projectFile?: string;
  /** A backend the user asked for; the ladder's best otherwise. */
  backend?: string;
  /** The run's folder: checkpoints go to `checkpoints/` inside it. */
  runDir?: string;
  resume?: boolean;
  batchesPerEpoch?: number;
}

/**
 * Builds everything a run needs and trains; every problem ends as a `failed` event. A new run
 * keeps the project it trains in its folder; a resumed one trains the graph it kept, whatever
 * the project holds now.
 */
export async function runJob(
  requested: RunSpec,
  control: RunControl,
  emit: (event: TrainingEvent) => void,
): Promise<LoopOutcome> {
  const kept =
    requested.resume && requested.runDir ? await readRunSnapshot(requested.runDir) : undefined;
  const chosen = kept ? { ...requested, project: kept } : requested;
  // What the command or request names first, then what the project keeps in its recipe.
  const spec = {
    ...chosen,
    backend: chosen.backend ?? chosen.project.recipe.backend,
    batchesPerEpoch: chosen.batchesPerEpoch ?? chosen.project.recipe.batchesPerEpoch,
  };
  if (spec.runDir && !spec.resume) await writeRunSnapshot(spec.runDir, spec.project);
  const fail = (reason: string): LoopOutcome => {
    emit({ type: 'failed', reason });
    return 'failed';
  };
  const choice = await selectBackend(spec.backend);
  if (!choice.ok) return fail(choice.error);
  const reason =
    choice.skipped.length === 0
      ? spec.backend
        ? 'requested'
        : 'the best backend available'
      : `passed over ${choice.skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}`;

  const named = spec.dataset ?? spec.project.recipe.dataset;
  // The model is checked against the dataset this run trains on, not only the recipe's.
  const checked =
    typeof named === 'string'
      ? { ...spec.project, recipe: { ...spec.project.recipe, dataset: named } }
      : spec.project;
  const problems = analyzeProject(checked).flatMap(({ model, analysis }) =>
    hasErrors(analysis.diagnostics)
      ? analysis.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => `${model.name}: ${d.message}`)
      : [],
  );
  if (problems.length > 0) return fail(`The project has errors:\n${problems.join('\n')}`);

  const request =
    typeof named === 'string'
      ? projectDatasetRequest(spec.project, spec.projectFile, named)
      : named;
  const opened = await openDataset(request, {
    validation: spec.settings.validationSplit,
    seed: spec.settings.seed,
  });
  if (!opened.ok) return fail(opened.errors.map(describeIssue).join('\n'));
  const dataset = opened.dataset;

  const models: tf.LayersModel[] = [];
  const optimizers: tf.Optimizer[] = [];
  try {
    const build = (id: string | undefined) => {
      const graph = spec.project.models.find((m) => m.id === id);
      if (!graph) throw new Error(`The recipe names a model "${id}" that the project lacks.`);
      const compiled = compileModel(graph, graph.name, { blocks: spec.project.blocks });
      if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
      models.push(compiled.model);
      return { graph, model: compiled.model };
    };
    const optimizer = () => {
      const created = createOptimizer(spec.settings.optimizer);
      optimizers.push(created);
      return created;
    };
    const { recipe } = spec.project;
    let runner: TaskRunner;
    let counted: tf.LayersModel[];
    if (recipe.task === 'gan') {
      const generator = build(recipe.model).model;
      const discriminator = build(recipe.discriminator).model;
      runner = ganRunner(
        generator,
        discriminator,
        { generator: optimizer(), discriminator: optimizer() },
        spec.settings.seed,
      );
      counted = [generator, discriminator];
    } else {
      const { graph, model } = build(recipe.model);
      runner = supervisedRunner(recipe.task, model, outputLoss(graph), optimizer(), dataset);
      counted = [model];
    }
    const trainable = counted.reduce(
      (n, m) =>
        n +
        m.trainableWeights.reduce(
          (k, w) => k + w.shape.reduce<number>((a, d) => a * (d ?? 1), 1),
          0,
        ),
      0,
    );
    const total = counted.reduce((n, m) => n + m.countParams(), 0);
    const outcome = await runTrainingLoop({
      runId: spec.runId,
      runner,
      dataset,
      settings: spec.settings,
      backend: { name: choice.name, reason, detail: choice.detail },
      params: { trainable, nonTrainable: total - trainable },
      control,
      emit,
      checkpointDir: spec.runDir ? join(spec.runDir, 'checkpoints') : undefined,
      resume: spec.resume,
      batchesPerEpoch: spec.batchesPerEpoch,
      // A set with its own test files (or an official test part) is scored on it at the end.
      evaluateTest: dataset.source?.presetTest !== undefined,
    });
    if (spec.runDir && outcome !== 'failed') {
      for (const [name, model] of Object.entries(runner.trainables.models)) {
        await saveModelFiles(model, join(spec.runDir, 'models', name));
      }
    }
    return outcome;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    for (const model of models) model.dispose();
    for (const optimizer of optimizers) optimizer.dispose();
  }
}

/** The loss on the model's (single) Output node. */
function outputLoss(graph: ModelGraph): LossName {
  const outputs = graph.nodes.filter((n) => n.kind === 'Output');
  if (outputs.length !== 1) {
    throw new Error(
      `Model "${graph.name}" has ${outputs.length} outputs; training needs exactly one.`,
    );
  }
  return (outputs[0].params.loss as LossName | undefined) ?? 'sparse_categorical_crossentropy';
}
