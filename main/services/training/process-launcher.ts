import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { BackendReport } from '../../engine/backends/report.js';
import type { RunSpec } from '../../engine/trainer/job.js';
import {
  driveTrainer,
  type TrainerCommand,
  type TrainerReply,
  type TrainingHandle,
} from '../../engine/trainer/protocol.js';
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
    return driveTrainer(
      {
        send: (command) => child.postMessage(command),
        onReply: (listener) => child.on('message', listener),
        onDeath: (listener) =>
          child.on('exit', (code) =>
            listener(`The trainer stopped unexpectedly (exit code ${code}).`),
          ),
        close: () => void child.kill(),
      },
      spec,
      onEvent,
    );
  };
}

/**
 * The backend report from a trainer process forked for the question, so that the asking
 * process never starts a backend (the wasm one keeps a heap of its own, 16 MB and up, for
 * good). Asked once; a failed answer is asked again next time.
 */
export function processBackendReport(fork: () => TrainerProcess): () => Promise<BackendReport> {
  let asked: Promise<BackendReport> | undefined;
  return () => {
    asked ??= new Promise<BackendReport>((resolve, reject) => {
      const child = fork();
      child.on('message', (reply) => {
        if (reply.type !== 'backends') return;
        resolve(reply.report);
        child.kill();
      });
      child.on('exit', (code) =>
        reject(new Error(`The trainer stopped before reporting its backends (exit code ${code}).`)),
      );
      child.postMessage({ type: 'describe-backends' });
    }).catch((error: unknown) => {
      asked = undefined;
      throw error;
    });
    return asked;
  };
}
