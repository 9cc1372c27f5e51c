import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { RunSpec } from './job.js';
import type { LoopOutcome } from './loop.js';
import type { TrainerCommand, TrainerReply } from './protocol.js';

/** A running training job, whatever runs it (a worker thread here, a utility process in Electron). @public */
export interface TrainingHandle {
  pause(): void;
  resume(): void;
  stop(): void;
  /** Settles when the run ends; a crashed trainer ends as `failed`, never as a rejection. */
  readonly done: Promise<LoopOutcome>;
}

/**
 * The compiled worker when running from `out/`; in the checkout, the TypeScript source behind a
 * tiny bootstrap that registers tsx first (worker threads ignore `--import` in `execArgv`).
 */
function createWorker(resourceLimits?: ResourceLimits): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker.js', import.meta.url), { resourceLimits });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

/**
 * Trains `spec` on a worker thread so the caller's thread stays responsive; events arrive through
 * `onEvent`. A crash or out-of-memory in the worker becomes a `failed` event.
 */
export function startTraining(
  spec: RunSpec,
  onEvent: (event: TrainingEvent) => void,
  options: { resourceLimits?: ResourceLimits } = {},
): TrainingHandle {
  const worker = createWorker(options.resourceLimits);
  const send = (command: TrainerCommand) => worker.postMessage(command);
  let settled = false;

  const done = new Promise<LoopOutcome>((resolve) => {
    const finish = (outcome: LoopOutcome, reason?: string) => {
      if (settled) return;
      settled = true;
      if (reason) onEvent({ type: 'failed', reason });
      void worker.terminate();
      resolve(outcome);
    };
    worker.on('message', (reply: TrainerReply) => {
      if (reply.type === 'event') onEvent(reply.event);
      else finish(reply.outcome);
    });
    worker.on('error', (error) => finish('failed', `The trainer crashed: ${error.message}`));
    worker.on('exit', (code) =>
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
}
