import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { RunSpec } from './job.js';
import type { LoopOutcome } from './loop.js';

/** Messages into the trainer process or thread. */
export type TrainerCommand =
  { type: 'start'; spec: RunSpec } | { type: 'pause' } | { type: 'resume' } | { type: 'stop' };

/** Messages out of it. */
export type TrainerReply =
  { type: 'event'; event: TrainingEvent } | { type: 'done'; outcome: LoopOutcome };
