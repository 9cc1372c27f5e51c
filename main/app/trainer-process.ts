import { utilityProcess } from 'electron';
import { processLauncher, type TrainerProcess } from '../services/training/process-launcher.js';
import type { TrainerLauncher } from '../services/training/launcher.js';

/**
 * Trains each run in its own Electron utility process (`entry` is the bundled
 * main/engine/trainer/process-entry.ts), so training never blocks or crashes the main process.
 */
export function utilityProcessLauncher(entry: string): TrainerLauncher {
  return processLauncher(
    () =>
      utilityProcess.fork(entry, [], {
        serviceName: 'Strata trainer',
        stdio: 'inherit',
      }) as TrainerProcess,
  );
}
