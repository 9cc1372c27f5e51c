import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { RunSpec } from './job.js';
import { driveTrainer, type TrainingHandle } from './protocol.js';

export type { TrainingHandle } from './protocol.js';

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
  return driveTrainer(
    {
      send: (command) => worker.postMessage(command),
      onReply: (listener) => worker.on('message', listener),
      onDeath: (listener) => {
        worker.on('error', (error) => listener(`The trainer crashed: ${error.message}`));
        worker.on('exit', (code) =>
          listener(`The trainer stopped unexpectedly (exit code ${code}).`),
        );
      },
      close: () => void worker.terminate(),
    },
    spec,
    onEvent,
  );
}
