import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureFiles } from '../../shared/project/fixtures.js';
import { sampleProject, temporaryHost } from '../services/api/test-host.js';
import { absolutePaths } from '../services/workspace/paths.js';
import * as electron from './fake-electron.js';
import { CrashLog } from '../services/logs/crash-log.js';
import { ProjectWindows, windowTitle } from './windows.js';

vi.mock('electron', () => import('./fake-electron.js'));

let env: Awaited<ReturnType<typeof temporaryHost>>;
let windows: ProjectWindows;

const sessionOf = (w: electron.BrowserWindow) => windows.sessionOf(w.webContents as never)!;
const events = (w: electron.BrowserWindow) => w.webContents.sent;

beforeEach(async () => {
  env = await temporaryHost({ transport: 'ipc', paths: absolutePaths() });
  await mkdir(env.folder, { recursive: true });
  electron.BrowserWindow.all = [];
  electron.dialog.messages = [];
  windows = new ProjectWindows(env.host, '/out/preload/preload.cjs', 'linux');
});
afterEach(() => env.cleanup());

describe('project windows', () => {
  it('open sandboxed, isolated windows on the app protocol, with navigation and popups denied', () => {
    const window = windows.openProject(null) as unknown as electron.BrowserWindow;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.loadedUrl).toBe('strata://app/index.html');
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({
      action: 'deny',
    });
    for (const name of ['will-navigate', 'will-attach-webview']) {
      const event = electron.fakeEvent({ url: 'strata://app/other.html' });
      window.webContents.emit(name, event);
      expect(event.defaultPrevented).toBe(true);
    }
  });

  it('give the project a window opens for to the renderer once, through app.info', async () => {
    const file = join(env.folder, 'a.strata');
    const window = windows.openProject(file) as unknown as electron.BrowserWindow;
    const first = await sessionOf(window).handle('renderer:app.info', {});
    expect(first).toMatchObject({ ok: true, result: { openPath: file, nativeDialogs: true } });
    expect(await sessionOf(window).handle('renderer:app.info', {})).not.toHaveProperty(
      'result.openPath',
    );
    window.webContents.emit('did-finish-load');
    expect(events(window)).toEqual([]);
  });

  it('send the project as an event when the renderer loaded without asking app.info', () => {
    const window = windows.openProject('/p/a.strata') as unknown as electron.BrowserWindow;
    window.webContents.emit('did-finish-load');
    expect(events(window)).toEqual([
      { channel: 'main:project.openPath', payload: { path: '/p/a.strata' } },
    ]);
  });

  it('focus the window already showing a project instead of opening it twice', () => {
    const a = windows.openProject('/p/a.strata');
    windows.openProject('/p/b.strata');
    expect(windows.openProject('/p/a.strata')).toBe(a);
    expect(windows.count).toBe(2);
    expect((a as unknown as electron.BrowserWindow).focused).toBe(true);
  });

  it('reuse an untouched empty window for the next project', () => {
    const empty = windows.openProject(null) as unknown as electron.BrowserWindow;
    expect(windows.openProject('/p/a.strata')).toBe(empty);
    expect(events(empty)).toEqual([
      { channel: 'main:project.openPath', payload: { path: '/p/a.strata' } },
    ]);
    expect(windows.count).toBe(1);
  });

  it('show the title with a marker while there are unsaved changes', async () => {
    const window = windows.openProject(null) as unknown as electron.BrowserWindow;
    await sessionOf(window).handle('renderer:window.state', { title: 'Digits', dirty: true });
    expect(window.title).toBe(windowTitle({ title: 'Digits', dirty: true }));
    expect(window.title).toMatch(/●.*Digits/);
    await sessionOf(window).handle('renderer:window.state', { title: 'Digits', dirty: false });
    expect(window.title).not.toMatch(/●/);
  });

  it('send menu commands to the focused window only', () => {
    const a = windows.openProject('/p/a.strata') as unknown as electron.BrowserWindow;
    const b = windows.openProject('/p/b.strata') as unknown as electron.BrowserWindow;
    windows.command('zoomIn');
    expect(events(b)).toEqual([{ channel: 'main:menu.command', payload: { command: 'zoomIn' } }]);
    expect(events(a)).toEqual([]);
  });
});

describe('a window whose renderer crashed', () => {
  it('logs it and reloads the app page when the user chooses Reload', async () => {
    const log = new CrashLog(join(env.folder, 'logs'));
    windows = new ProjectWindows(env.host, '/out/preload/preload.cjs', 'linux', log);
    const window = windows.openProject(null) as unknown as electron.BrowserWindow;
    window.loadedUrl = undefined;
    electron.dialog.answers.closeChoice = 0;
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(window.loadedUrl).toBe('strata://app/index.html');
    await vi.waitFor(async () => expect(await log.read()).toHaveLength(1));
    electron.dialog.answers.closeChoice = 2;
  });
});

describe('closing a window with unsaved work', () => {
  async function dirtyWindow() {
    const window = windows.openProject(null) as unknown as electron.BrowserWindow;
    await sessionOf(window).handle('renderer:window.state', { title: 'Digits', dirty: true });
    return window;
  }

  it('closes a clean window without asking', () => {
    const window = windows.openProject(null) as unknown as electron.BrowserWindow;
    window.close();
    expect(window.destroyed).toBe(true);
    expect(electron.dialog.messages).toEqual([]);
    expect(windows.count).toBe(0);
  });

  it('asks, and Cancel keeps the window open', async () => {
    const window = await dirtyWindow();
    electron.dialog.answers.closeChoice = 2;
    window.close();
    expect(electron.dialog.messages[0]).toMatch(/save the changes to Digits/);
    expect(window.destroyed).toBe(false);
  });

  it("closes on Don't Save", async () => {
    const window = await dirtyWindow();
    electron.dialog.answers.closeChoice = 1;
    window.close();
    expect(window.destroyed).toBe(true);
  });

  it('asks the renderer to save on Save, and closes once the save succeeds', async () => {
    const window = await dirtyWindow();
    electron.dialog.answers.closeChoice = 0;
    window.close();
    expect(window.destroyed).toBe(false);
    expect(events(window)).toEqual([
      { channel: 'main:menu.command', payload: { command: 'save' } },
    ]);

    const document = JSON.parse(JSON.stringify(sampleProject())) as Record<string, unknown>;
    await writeFile(
      join(env.folder, 'taken.strata'),
      fixtureFiles.find((f) => f.version === 2)!.text,
    );
    const path = join(env.folder, 'taken.strata');
    const conflict = await sessionOf(window).handle('renderer:project.save', {
      path,
      document,
      baseStamp: null,
    });
    expect(conflict).toMatchObject({ result: { status: 'conflict' } });
    expect(window.destroyed).toBe(false);

    window.close();
    await sessionOf(window).handle('renderer:project.save', {
      path,
      document,
      baseStamp: null,
      force: true,
    });
    expect(window.destroyed).toBe(true);
  });
});
