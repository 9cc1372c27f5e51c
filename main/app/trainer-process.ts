import { utilityProcess } from 'electron';
import type { BackendReport } from '../engine/backends/report.js';
import {
  processBackendReport,
  processLauncher,
  type TrainerProcess,
} from '../services/training/process-launcher.js';
import type { TrainerLauncher } from '../services/training/launcher.js';
import type { CrashLog } from '../services/logs/crash-log.js';
import { loggedTrainer } from './crashes.js';

/** A trainer in its own Electron utility process; `entry` is the bundled process-entry.ts. */
function forkTrainer(entry: string): TrainerProcess {
  return utilityProcess.fork(entry, [], {
    serviceName: 'Strata trainer',
    stdio: 'inherit',
  }) as TrainerProcess;
}

/**
 * Trains each run in its own utility process, so training never blocks or crashes the app; a
 * trainer that crashes is logged to `crashLog`.
 */
export function utilityProcessLauncher(entry: string, crashLog?: CrashLog): TrainerLauncher {
  return processLauncher(() =>
    crashLog ? loggedTrainer(forkTrainer(entry), crashLog) : forkTrainer(entry),
  );
}

/** Asks a utility process which backend training would use: main never starts one. */
export function utilityProcessBackendReport(entry: string): () => Promise<BackendReport> {
  return processBackendReport(() => forkTrainer(entry));
}
