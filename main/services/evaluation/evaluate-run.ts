import * as tf from '@tensorflow/tfjs';
import { failure, type Reply } from '../../../shared/api/reply.js';
import type { LossName } from '../../../shared/layers/io.js';
import type { Project } from '../../../shared/project/schema.js';
import { accuracyValue, isClassificationLoss, lossValue } from '../../engine/trainer/losses.js';
import { normalisationFor } from '../../engine/trainer/supervised.js';
import { batchTensors, readScalar } from '../../engine/trainer/tensors.js';
import type { Dataset, Split } from '../datasets/dataset.js';
import { describeIssue } from '../datasets/dataset.js';
import { projectDatasetRequest } from '../datasets/declared/request.js';
import { openDataset } from '../datasets/registry.js';
import { loadRunContext } from '../inspection/run-context.js';

/** A run's model scored on a dataset: loss, accuracy and the confusion matrix. @public */
export interface Evaluation {
  dataset: string;
  /** Which examples were scored: the test split, or every example of another dataset. */
  splits: Split[];
  examples: number;
  loss: number;
  accuracy?: number;
  /** matrix[actual][predicted]; classifiers only. */
  confusion?: { labels: string[]; matrix: number[][] };
}

/** The loss on the trained model's Output node, as the trainer used it. */
function lossOf(project: Project): LossName {
  const graph = project.models.find((m) => m.id === project.recipe.model);
  const output = graph?.nodes.find((n) => n.kind === 'Output');
  return (output?.params.loss as LossName | undefined) ?? 'sparse_categorical_crossentropy';
}

/**
 * Scores a run's trained model on its dataset's test split, or on every example of another
 * dataset (its test split when it has its own test files).
 */
export async function evaluateRun(
  projectFile: string,
  project: Project,
  runId: string,
  datasetId?: string,
): Promise<Reply<Evaluation>> {
  if (project.recipe.task === 'gan')
    return failure('invalid-request', 'a GAN run has no test loss to evaluate');
  const context = await loadRunContext(projectFile, runId);
  if (!context.ok) return context;
  const { model } = context.result;
  try {
    let dataset = context.result.dataset;
    let splits: Split[] = ['test'];
    if (datasetId !== undefined && datasetId !== dataset.schema.id) {
      const opened = await openDataset(projectDatasetRequest(project, projectFile, datasetId));
      if (!opened.ok) {
        return failure(
          'failed',
          `Cannot open dataset "${datasetId}": ${opened.errors.map(describeIssue).join('; ')}`,
        );
      }
      dataset = opened.dataset;
      if (!dataset.source?.presetTest) splits = ['train', 'validation', 'test'];
    }
    return { ok: true, result: score(model, dataset, splits, lossOf(project)) };
  } finally {
    model.dispose();
  }
}

function score(
  model: tf.LayersModel,
  dataset: Dataset,
  splits: Split[],
  loss: LossName,
): Evaluation {
  const target = dataset.schema.target;
  const classes = target.kind === 'classes' ? target.classes : 0;
  const labels = Array.from({ length: classes }, (_, i) =>
    target.kind === 'classes' ? (target.names?.[i] ?? String(i)) : String(i),
  );
  const matrix = labels.map(() => labels.map(() => 0));
  const withAccuracy = isClassificationLoss(loss);
  let [lossSum, accuracySum, count] = [0, 0, 0];
  const options = {
    batchSize: 256,
    normalise: normalisationFor(dataset),
    targets: loss === 'categorical_crossentropy' ? ('one-hot' as const) : ('sparse' as const),
  };
  for (const split of splits) {
    for (const batch of dataset.batches(split, options)) {
      const { x, y } = batchTensors(batch);
      const prediction = model.predict(x) as tf.Tensor;
      lossSum += readScalar(lossValue(loss, y, prediction)) * batch.size;
      if (withAccuracy) accuracySum += readScalar(accuracyValue(loss, y, prediction)) * batch.size;
      if (classes > 0 && loss !== 'binary_crossentropy') {
        const predicted = tf.tidy(() => tf.argMax(prediction, -1).dataSync());
        const actual = tf.tidy(() =>
          (options.targets === 'one-hot' ? tf.argMax(y, -1) : y).dataSync(),
        );
        predicted.forEach((p, i) => {
          const row = matrix[actual[i]];
          if (row && p < classes) row[p] += 1;
        });
      }
      count += batch.size;
      tf.dispose([x, y, prediction]);
    }
  }
  const mean = (sum: number) => sum / Math.max(1, count);
  return {
    dataset: dataset.schema.id,
    splits,
    examples: count,
    loss: mean(lossSum),
    ...(withAccuracy ? { accuracy: mean(accuracySum) } : {}),
    ...(classes > 0 && loss !== 'binary_crossentropy' ? { confusion: { labels, matrix } } : {}),
  };
}
