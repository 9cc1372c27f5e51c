import * as tf from '@tensorflow/tfjs';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { LossName } from '../../../shared/layers/io.js';
import type { Task } from '../../../shared/project/recipe.js';
import type { Batch, Dataset, Normalisation } from '../../services/datasets/dataset.js';
import { classifierInsights, languageModelInsights, reconstructionInsights } from './insights.js';
import { accuracyValue, isClassificationLoss, lossValue } from './losses.js';
import type { ScheduledOptimizer } from './optimizers.js';
import type { StepResult, TaskRunner } from './task-runner.js';
import { batchTensors, optimizerStep, readScalar, trainableVariables } from './tensors.js';

/** How inputs are scaled: images to [0, 1], tables standardised, token ids untouched. */
export function normalisationFor(dataset: Dataset): Normalisation {
  const { inputDtype, inputShape } = dataset.schema;
  if (inputDtype === 'int32') return 'none';
  return inputShape.length >= 2 ? 'scale' : 'standardise';
}

/** Every task but the GAN: one model, one loss, targets from the dataset. */
export function supervisedRunner(
  task: Task,
  model: tf.LayersModel,
  loss: LossName,
  optimizer: ScheduledOptimizer,
  dataset: Dataset,
): TaskRunner {
  const variables = trainableVariables(model);
  const withAccuracy = isClassificationLoss(loss);
  const figures = (target: tf.Tensor, prediction: tf.Tensor) => ({
    ...(withAccuracy ? { accuracy: readScalar(accuracyValue(loss, target, prediction)) } : {}),
  });

  return {
    trainables: { models: { main: model }, optimizers: { main: optimizer } },
    batchOptions: {
      shuffle: true,
      normalise: normalisationFor(dataset),
      targets: loss === 'categorical_crossentropy' ? 'one-hot' : 'sparse',
    },
    setLearningRate: (rate) => optimizer.setLearningRate(rate),

    step(batch: Batch, clipNorm: number): StepResult {
      const { x, y } = batchTensors(batch);
      let prediction: tf.Tensor | undefined;
      const value = optimizerStep(
        optimizer,
        variables,
        () => {
          prediction = tf.keep(model.apply(x, { training: true }) as tf.Tensor);
          return lossValue(loss, y, prediction);
        },
        clipNorm,
      );
      const metrics = prediction ? figures(y, prediction) : {};
      tf.dispose([x, y, prediction]);
      return { loss: value, metrics };
    },

    evaluate(data, split, batchSize) {
      const totals: Record<string, number> = {};
      let count = 0;
      const options = { ...this.batchOptions, batchSize, shuffle: false };
      for (const batch of data.batches(split, options)) {
        const { x, y } = batchTensors(batch);
        const prediction = model.predict(x) as tf.Tensor;
        const scores = {
          loss: readScalar(lossValue(loss, y, prediction)),
          ...figures(y, prediction),
        };
        for (const [name, v] of Object.entries(scores))
          totals[name] = (totals[name] ?? 0) + v * batch.size;
        count += batch.size;
        tf.dispose([x, y, prediction]);
      }
      return Object.fromEntries(
        Object.entries(totals).map(([k, v]) => [k, v / Math.max(1, count)]),
      );
    },

    insights(data, epoch): TrainingEvent[] {
      const options = { ...this.batchOptions, shuffle: false };
      if (task === 'language-model') return languageModelInsights(model, data, epoch);
      if (task === 'autoencoder') return reconstructionInsights(model, data, options, epoch);
      if (withAccuracy && loss !== 'binary_crossentropy') {
        return classifierInsights(model, data, options, epoch);
      }
      return [];
    },

    dispose: () => {},
  };
}
