import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CrashLog } from '../services/logs/crash-log.js';
import type { TrainerProcess } from '../services/training/process-launcher.js';
import { loggedTrainer, offerReloadAfterCrash } from './crashes.js';
import * as electron from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

let folder: string;
let log: CrashLog;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-crashes-'));
  log = new CrashLog(join(folder, 'logs'));
  electron.dialog.messages = [];
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** A window whose renderer just died for `reason`; the user answers `choice` (0 Reload). */
function crash(reason: string, choice: number) {
  const window = new electron.BrowserWindow({});
  const reload = vi.fn();
  electron.dialog.answers.closeChoice = choice;
  offerReloadAfterCrash(window as never, log, () => '/p/digits.strata', reload);
  window.webContents.emit('render-process-gone', {}, { reason, exitCode: 133 });
  return { window, reload };
}

describe('a renderer crash', () => {
  it('is logged with the project, and the user reloads the window', async () => {
    const { window, reload } = crash('crashed', 0);
    expect(electron.dialog.messages).toEqual(['This window stopped unexpectedly.']);
    expect(reload).toHaveBeenCalledOnce();
    expect(window.destroyed).toBe(false);
    await vi.waitFor(async () =>
      expect(await log.read()).toMatchObject([
        { kind: 'renderer', reason: 'crashed (exit code 133)', project: '/p/digits.strata' },
      ]),
    );
  });

  it('closes the window without asking to save when the user chooses Close', () => {
    const { window, reload } = crash('oom', 1);
    expect(reload).not.toHaveBeenCalled();
    expect(window.destroyed).toBe(true);
  });

  it('is not one when the renderer exited cleanly', async () => {
    crash('clean-exit', 0);
    expect(electron.dialog.messages).toEqual([]);
    expect(await log.read()).toEqual([]);
  });
});

/** A trainer process stand-in that exits when told to. */
class FakeTrainer extends EventEmitter {
  postMessage() {}
  kill() {
    this.emit('exit', 15);
    return true;
  }
}

describe('a trainer crash', () => {
  it('is logged when the process fails on its own, not when Strata stops it', async () => {
    const crashed = new FakeTrainer();
    loggedTrainer(crashed as unknown as TrainerProcess, log);
    crashed.emit('exit', 134);
    const stopped = loggedTrainer(new FakeTrainer() as unknown as TrainerProcess, log);
    stopped.kill();
    const finished = new FakeTrainer();
    loggedTrainer(finished as unknown as TrainerProcess, log);
    finished.emit('exit', 0);
    await vi.waitFor(async () =>
      expect(await log.read()).toMatchObject([{ kind: 'trainer', reason: 'exit code 134' }]),
    );
    expect(await log.read()).toHaveLength(1);
  });
});
