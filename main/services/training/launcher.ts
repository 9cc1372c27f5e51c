import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { RunSpec } from '../../engine/trainer/job.js';
import { startTraining, type TrainingHandle } from '../../engine/trainer/session.js';

/**
 * Starts a run somewhere off the caller's thread: a worker thread under plain Node (the
 * default), an Electron utility process in the desktop app. A crash must end as a `failed`
 * event and a settled `done`, never as a throw. @public
 */
export type TrainerLauncher = (
  spec: RunSpec,
  onEvent: (event: TrainingEvent) => void,
) => TrainingHandle;

/** Trains on a worker thread of this process. */
export const workerThreadLauncher: TrainerLauncher = (spec, onEvent) =>
  startTraining(spec, onEvent);
