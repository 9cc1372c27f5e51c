import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../shared/api/methods.js';
import * as electron from './fake-electron.js';
import { startApp } from './shell.js';

vi.mock('electron', () => import('./fake-electron.js'));

const layout = {
  root: process.cwd(),
  preload: '/out/preload/preload.cjs',
  trainer: '/out/main/trainer/process-entry.js',
};
let userData: string;
const argv = process.argv;

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'strata-shell-'));
  electron.app.userData = userData;
});
afterAll(async () => {
  process.argv = argv;
  await rm(userData, { recursive: true, force: true });
});

describe('starting the desktop app', () => {
  it('quits at once when another instance holds the lock', () => {
    electron.app.hasLock = false;
    startApp(layout);
    expect(electron.app.quitCalls).toBe(1);
    expect(electron.ipcMain.handlers.size).toBe(0);
    electron.app.hasLock = true;
  });

  it('opens files from its command line and from open-file, once ready, one window each', async () => {
    process.argv = ['/opt/strata', '/p/from-argv.strata'];
    startApp(layout);
    const early = electron.fakeEvent();
    electron.app.emit('open-file', early, '/p/from-finder.strata');
    expect(early.defaultPrevented).toBe(true);
    expect(electron.BrowserWindow.all).toHaveLength(0);

    electron.app.makeReady();
    await vi.waitFor(() => expect(electron.BrowserWindow.all).toHaveLength(2));
    const offered = await Promise.all(
      electron.BrowserWindow.all.map(async (w) => {
        const reply = await electron.ipcMain.invoke('renderer:app.info', {}, w.webContents);
        return reply as { result: { openPath?: string } };
      }),
    );
    expect(offered.map((r) => r.result.openPath)).toEqual([
      '/p/from-argv.strata',
      '/p/from-finder.strata',
    ]);
  });

  it('registers one IPC handler per request channel and the app protocol', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...requestChannels].sort());
    expect(electron.protocol.handlers.has('strata')).toBe(true);
  });

  it('denies every permission request', () => {
    const answers: boolean[] = [];
    electron.session.defaultSession.permissionHandler?.(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
  });

  it('installs the application menu', async () => {
    await vi.waitFor(() => expect(electron.Menu.current).not.toBeNull());
    const template = (electron.Menu.current as { template: { label?: string }[] }).template;
    expect(template.map((m) => String(m.label).replace('&', ''))).toContain('File');
  });

  it('hands a second launch’s files to this instance', () => {
    const before = electron.BrowserWindow.all.length;
    electron.app.emit(
      'second-instance',
      electron.fakeEvent(),
      ['/opt/strata', 'c.strata'],
      '/home/u',
    );
    expect(electron.BrowserWindow.all).toHaveLength(before + 1);
    electron.app.emit(
      'second-instance',
      electron.fakeEvent(),
      ['/opt/strata', 'c.strata'],
      '/home/u',
    );
    expect(electron.BrowserWindow.all).toHaveLength(before + 1);
  });
});
