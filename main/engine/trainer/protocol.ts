import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { BackendReport } from '../backends/report.js';
import type { RunSpec } from './job.js';
import type { LoopOutcome } from './loop.js';

/** Messages into the trainer process or thread. */
export type TrainerCommand =
  | { type: 'start'; spec: RunSpec }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'describe-backends' };

/** Messages out of it. */
export type TrainerReply =
  | { type: 'event'; event: TrainingEvent }
  | { type: 'done'; outcome: LoopOutcome }
  | { type: 'backends'; report: BackendReport };

/** A running training job, whatever runs it (a worker thread, or a utility process in Electron). @public */
export interface TrainingHandle {
  pause(): void;
  resume(): void;
  stop(): void;
  /** Settles when the run ends; a crashed trainer ends as `failed`, never as a rejection. */
  readonly done: Promise<LoopOutcome>;
}

/** The launcher's end of a link to a trainer: what a worker thread and a child process both offer. */
export interface TrainerLink {
  send(command: TrainerCommand): void;
  onReply(listener: (reply: TrainerReply) => void): void;
  /** Called if the trainer dies (crash, out of memory, exit) before it reports `done`. */
  onDeath(listener: (reason: string) => void): void;
  /** Ends the trainer; called once the run has settled. */
  close(): void;
}

/** Starts `spec` over `link` and turns the replies into events and one settled outcome. */
export function driveTrainer(
  link: TrainerLink,
  spec: RunSpec,
  onEvent: (event: TrainingEvent) => void,
): TrainingHandle {
  let settled = false;
  const send = (command: TrainerCommand) => {
    if (!settled) link.send(command);
  };
  const done = new Promise<LoopOutcome>((resolve) => {
    const finish = (outcome: LoopOutcome, reason?: string) => {
      if (settled) return;
      settled = true;
      if (reason) onEvent({ type: 'failed', reason });
      link.close();
      resolve(outcome);
    };
    link.onReply((reply) => {
      if (reply.type === 'event') onEvent(reply.event);
      else if (reply.type === 'done') finish(reply.outcome);
    });
    link.onDeath((reason) => finish('failed', reason));
  });
  send({ type: 'start', spec });
  return {
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop: () => send({ type: 'stop' }),
    done,
  };
}
