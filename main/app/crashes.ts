import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { CrashLog } from '../services/logs/crash-log.js';
import type { TrainerProcess } from '../services/training/process-launcher.js';

/**
 * When a window's renderer dies (a crash, out of memory, killed), logs it and offers a reload.
 * The renderer autosaves unsaved work to the recovery folder every few seconds, and the start
 * page of the reloaded window offers to restore it; "Close Window" closes without asking to
 * save (there is no live page left to save from).
 */
export function offerReloadAfterCrash(
  window: BrowserWindow,
  log: CrashLog,
  project: () => string | null,
  reload: () => void,
): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const reason = `${details.reason} (exit code ${details.exitCode})`;
    void log.record('renderer', reason, project() ?? undefined);
    if (window.isDestroyed()) return;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'error',
      buttons: ['Reload', 'Close Window'],
      defaultId: 0,
      cancelId: 1,
      message: 'This window stopped unexpectedly.',
      detail:
        `Reason: ${reason}. Unsaved changes are kept as a recovery copy: after reloading, ` +
        `the start page offers to restore them. Details: ${log.file}`,
    });
    if (choice === 0) reload();
    else window.destroy();
  });
}

/**
 * A trainer process that logs its own crash: an exit with a failure code that Strata did not
 * ask for (the run itself already ends as `failed` with the code in its message).
 */
export function loggedTrainer(child: TrainerProcess, log: CrashLog): TrainerProcess {
  let stopping = false;
  child.on('exit', (code) => {
    if (!stopping && code !== 0) void log.record('trainer', `exit code ${code}`);
  });
  return {
    postMessage: (command) => child.postMessage(command),
    on: ((event: 'message' | 'exit', listener: never) =>
      child.on(event as 'exit', listener)) as TrainerProcess['on'],
    kill: () => {
      stopping = true;
      return child.kill();
    },
  };
}
