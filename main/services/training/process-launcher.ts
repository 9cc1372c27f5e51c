import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { RunSpec } from '../../engine/trainer/job.js';
import type { LoopOutcome } from '../../engine/trainer/loop.js';
import type { TrainerCommand, TrainerReply } from '../../engine/trainer/protocol.js';
import type { TrainingHandle } from '../../engine/trainer/session.js';
import type { TrainerLauncher } from './launcher.js';

/**
 * A child process that speaks the trainer protocol: what Electron's `utilityProcess.fork`
 * returns, reduced to the parts the launcher uses (tests give a Node child process).
 */
export interface TrainerProcess {
  postMessage(command: TrainerCommand): void;
  on(event: 'message', listener: (reply: TrainerReply) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/**
 * A launcher that forks one trainer process per run. The process exits once the run is done;
 * an exit before that (a crash, an out-of-memory) ends the run as `failed`.
 */
export function processLauncher(fork: () => TrainerProcess): TrainerLauncher {
  return (spec: RunSpec, onEvent: (event: TrainingEvent) => void): TrainingHandle => {
    const child = fork();
    let settled = false;
    const send = (command: TrainerCommand) => {
      if (!settled) child.postMessage(command);
    };
    const done = new Promise<LoopOutcome>((resolve) => {
      const finish = (outcome: LoopOutcome, reason?: string) => {
        if (settled) return;
        settled = true;
        if (reason) onEvent({ type: 'failed', reason });
        child.kill();
        resolve(outcome);
      };
      child.on('message', (reply) => {
        if (reply.type === 'event') onEvent(reply.event);
        else finish(reply.outcome);
      });
      child.on('exit', (code) =>
        finish('failed', `The trainer stopped unexpectedly (exit code ${code}).`),
      );
    });
    send({ type: 'start', spec });
    return {
      pause: () => send({ type: 'pause' }),
      resume: () => send({ type: 'resume' }),
      stop: () => send({ type: 'stop' }),
      done,
    };
  };
}
