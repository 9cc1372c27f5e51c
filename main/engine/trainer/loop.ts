import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { ResumedFrom } from '../../../shared/training/resume-text.js';
import { learningRateAt } from '../../../shared/training/schedule.js';
import type { TrainingSettings } from '../../../shared/training/settings.js';
import type { Dataset } from '../../services/datasets/dataset.js';
import { augmentationFor } from './augmentation.js';
import { cannotResume } from './checkpoint-files.js';
import { restoreLatestCheckpoint, saveCheckpoint, type CheckpointState } from './checkpoints.js';
import { BatchCoalescer } from './coalesce.js';
import type { RunControl } from './control.js';
import type { TaskRunner } from './task-runner.js';

/** Everything one training run needs, already built. */
export interface LoopOptions {
  runId: string;
  runner: TaskRunner;
  dataset: Dataset;
  settings: TrainingSettings;
  /** `detail` says how it runs (threads, SIMD), for the log and the CLI. */
  backend: { name: string; reason: string; detail?: string };
  params: { trainable: number; nonTrainable: number };
  control: RunControl;
  emit: (event: TrainingEvent) => void;
  /** Where checkpoints go; none are written without it. */
  checkpointDir?: string;
  /** Continue from the newest intact checkpoint in `checkpointDir`. */
  resume?: boolean;
  /** At most this many batches per epoch (a quick look at a large dataset). */
  batchesPerEpoch?: number;
  /** Batch events are coalesced to at most one per this many milliseconds. */
  eventIntervalMs?: number;
  /** Score the test split once training finished (a dataset with its own test set). */
  evaluateTest?: boolean;
  /** The clock throughput is measured with, in milliseconds (tests pass their own). */
  now?: () => number;
}

export type LoopOutcome = 'finished' | 'stopped' | 'failed';

/**
 * Trains epoch by epoch: schedules the learning rate, streams coalesced batch events, scores the
 * validation split, checkpoints, stops early or on request, and never applies a NaN step.
 */
export async function runTrainingLoop(options: LoopOptions): Promise<LoopOutcome> {
  try {
    return await train(options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    options.emit({ type: 'failed', reason });
    return 'failed';
  } finally {
    options.runner.dispose();
  }
}

async function train(options: LoopOptions): Promise<LoopOutcome> {
  const { runner, dataset, settings, control, emit } = options;
  const fullSteps = Math.ceil(dataset.size('train') / settings.batchSize);
  const stepsPerEpoch = Math.min(fullSteps, options.batchesPerEpoch ?? Infinity);
  const totalSteps = stepsPerEpoch * settings.epochs;

  let state: CheckpointState = {
    epoch: 0,
    step: 0,
    bestValidationLoss: null,
    epochsWithoutImprovement: 0,
  };
  if (dataset.size('train') === 0) {
    emit({
      type: 'failed',
      reason: 'The dataset has no training examples: add examples or lower the validation split.',
    });
    return 'failed';
  }
  let resumedFrom: ResumedFrom | undefined;
  if (options.resume) {
    const found = options.checkpointDir
      ? await restoreLatestCheckpoint(options.checkpointDir, runner.trainables)
      : { skipped: [] };
    if (!found.restored) {
      // Refuse rather than start over: training from scratch would prune the checkpoints.
      emit({ type: 'failed', reason: cannotResume(found.skipped, `run "${options.runId}"`) });
      return 'failed';
    }
    state = found.restored.state;
    resumedFrom = {
      epoch: state.epoch,
      step: state.step,
      ...(state.partial ? { batch: state.partial.batches } : {}),
      checkpoint: found.restored.checkpoint,
      ...(found.skipped.length > 0 ? { skipped: found.skipped } : {}),
    };
  }

  emit({
    type: 'started',
    runId: options.runId,
    backend: options.backend.name,
    backendReason: options.backend.reason,
    ...(options.backend.detail ? { backendDetail: options.backend.detail } : {}),
    params: options.params,
    dataset: {
      train: dataset.size('train'),
      validation: dataset.size('validation'),
      test: dataset.size('test'),
    },
    epochs: settings.epochs,
    stepsPerEpoch,
    ...(resumedFrom ? { resumedFrom } : {}),
  });

  const now = options.now ?? (() => performance.now());
  const coalescer = new BatchCoalescer(options.eventIntervalMs ?? 250, now);
  const augment = augmentationFor(settings.augmentation, dataset);
  for (let epoch = state.epoch + 1; epoch <= settings.epochs; epoch++) {
    const started = now();
    // Throughput counts training only: not the last epoch's validation, insights and
    // checkpoint (they ran since the coalescer's last flush), nor pauses.
    coalescer.restartClock();
    let trainedSamples = 0;
    let trainingMs = 0;
    let mark = started;
    // A run stopped inside this epoch continues after its last batch, with that batch's sums.
    const partial = state.partial;
    state = { ...state, partial: undefined };
    const sums: Record<string, number> = { loss: 0, ...partial?.sums };
    let batches = partial?.batches ?? 0;
    let skip = batches;
    let learningRate = settings.optimizer.learningRate;
    const stream = dataset.batches('train', {
      ...runner.batchOptions,
      batchSize: settings.batchSize,
      seed: settings.seed,
      epoch,
      augment,
    });
    for (const batch of stream) {
      // The stream is reproducible from (seed, epoch): skipping replays the same order.
      if (skip > 0) {
        skip -= 1;
        mark = now();
        continue;
      }
      if (batches >= stepsPerEpoch) break;
      learningRate = learningRateAt(settings.schedule, settings.optimizer.learningRate, {
        step: state.step,
        stepsPerEpoch,
        totalSteps,
      });
      runner.setLearningRate(learningRate);
      const result = runner.step(batch, settings.clipNorm);
      if (!Number.isFinite(result.loss)) {
        const reason = `The loss became ${result.loss} at epoch ${epoch}, step ${state.step + 1}; the weights from the step before were kept. Try a lower learning rate or gradient clipping.`;
        emit({ type: 'stopped', epoch, step: state.step, reason });
        return 'stopped';
      }
      state.step += 1;
      batches += 1;
      sums.loss += result.loss;
      for (const [k, v] of Object.entries(result.metrics)) sums[k] = (sums[k] ?? 0) + v;

      trainedSamples += batch.size;
      trainingMs += now() - mark;
      const due = coalescer.add({ ...result, samples: batch.size });
      if (due) emit({ type: 'batch', epoch, step: state.step, learningRate, ...due });
      await control.between(
        () => emit({ type: 'paused', step: state.step }),
        () => {
          coalescer.restartClock();
          emit({ type: 'resumed', step: state.step });
        },
      );
      mark = now();
      if (control.stopRequested) {
        const rest = coalescer.flush();
        if (rest) emit({ type: 'batch', epoch, step: state.step, learningRate, ...rest });
        if (options.checkpointDir) {
          // Where it stopped, so a resume loses nothing but the batch in flight.
          const here = { ...state, partial: { batches, sums: { ...sums } } };
          const path = await saveCheckpoint(options.checkpointDir, runner.trainables, here);
          emit({ type: 'checkpoint', epoch, step: state.step, path });
        }
        emit({ type: 'stopped', epoch, step: state.step, reason: control.stopRequested });
        return 'stopped';
      }
    }
    const rest = coalescer.flush();
    if (rest) emit({ type: 'batch', epoch, step: state.step, learningRate, ...rest });

    const train = Object.fromEntries(
      Object.entries(sums).map(([k, v]) => [k, v / Math.max(1, batches)]),
    );
    const validation =
      dataset.size('validation') > 0
        ? runner.evaluate(dataset, 'validation', Math.max(settings.batchSize, 256))
        : {};
    emit({
      type: 'epoch',
      epoch,
      train,
      validation,
      seconds: (now() - started) / 1000,
      ...(trainingMs > 0 ? { samplesPerSecond: trainedSamples / (trainingMs / 1000) } : {}),
    });
    for (const event of runner.insights(dataset, epoch)) emit(event);

    const monitored = validation.loss ?? train.loss;
    const improved =
      state.bestValidationLoss === null ||
      monitored < state.bestValidationLoss - settings.earlyStopping.minDelta;
    state = {
      ...state,
      epoch,
      bestValidationLoss: improved ? monitored : state.bestValidationLoss,
      epochsWithoutImprovement: improved ? 0 : state.epochsWithoutImprovement + 1,
    };
    if (options.checkpointDir) {
      const path = await saveCheckpoint(options.checkpointDir, runner.trainables, state);
      emit({ type: 'checkpoint', epoch, step: state.step, path });
    }
    if (
      settings.earlyStopping.enabled &&
      state.epochsWithoutImprovement >= settings.earlyStopping.patience &&
      epoch < settings.epochs
    ) {
      const reason = `Early stopping: the validation loss has not improved for ${state.epochsWithoutImprovement} epochs.`;
      emit({ type: 'stopped', epoch, step: state.step, reason });
      return 'stopped';
    }
  }
  if (options.evaluateTest && dataset.size('test') > 0) {
    const metrics = runner.evaluate(dataset, 'test', Math.max(settings.batchSize, 256));
    emit({ type: 'test', epoch: settings.epochs, examples: dataset.size('test'), metrics });
  }
  emit({ type: 'finished', epoch: settings.epochs, step: state.step });
  return 'finished';
}
