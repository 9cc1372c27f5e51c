import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { Batch, BatchOptions, Dataset } from '../../services/datasets/dataset.js';
import type { Trainables } from './checkpoints.js';

/** One optimizer step's result; a non-finite loss means the step was not applied. */
export interface StepResult {
  loss: number;
  metrics: Record<string, number>;
}

/**
 * What differs between recipes: how a batch trains the models, how a split is scored, and what
 * is shown at the end of an epoch. The loop around it is shared.
 */
export interface TaskRunner {
  readonly trainables: Trainables;
  /** How batches are drawn for this task (normalisation, target encoding). */
  readonly batchOptions: Omit<BatchOptions, 'batchSize' | 'epoch' | 'seed'>;
  step(batch: Batch, clipNorm: number): StepResult;
  setLearningRate(rate: number): void;
  /** Mean loss and metrics over a split, in inference mode. */
  evaluate(
    dataset: Dataset,
    split: 'validation' | 'test',
    batchSize: number,
  ): Record<string, number>;
  /** Confusion matrix, sample predictions, generated images or text for this epoch. */
  insights(dataset: Dataset, epoch: number): TrainingEvent[];
  /** Frees the runner's own tensors (not the models or optimizers, which the caller owns). */
  dispose(): void;
}
