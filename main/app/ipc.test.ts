import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestChannels } from '../../shared/api/methods.js';
import { createSession } from '../services/api/session.js';
import type { Session } from '../services/api/session.js';
import { temporaryHost } from '../services/api/test-host.js';
import * as electron from './fake-electron.js';
import { registerIpc } from './ipc.js';

vi.mock('electron', () => import('./fake-electron.js'));

let env: Awaited<ReturnType<typeof temporaryHost>>;
let session: Session;
let unregister: () => void;
const window = new electron.FakeWebContents();

beforeEach(async () => {
  env = await temporaryHost({ transport: 'ipc' });
  session = createSession(env.host);
  unregister = registerIpc((sender) => (sender === (window as unknown) ? session : undefined));
});
afterEach(async () => {
  unregister();
  await env.cleanup();
});

describe('IPC handlers', () => {
  it('are registered for exactly the request channels, and removed again', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...requestChannels].sort());
    unregister();
    expect(electron.ipcMain.handlers.size).toBe(0);
    unregister = registerIpc(() => undefined);
  });

  it("answer the app's own page", async () => {
    expect(await electron.ipcMain.invoke('renderer:app.info', {}, window)).toMatchObject({
      ok: true,
      result: { transport: 'ipc' },
    });
  });

  it.each([
    'https://evil.example/',
    'file:///tmp/index.html',
    'strata://app.evil/index.html',
    'about:blank',
    null,
  ])(
    'refuse a request whose sending frame is %s, without calling the service',
    async (frameUrl) => {
      const seen = vi.fn();
      const spy = createSession({ ...env.host, onWindowState: seen });
      unregister();
      unregister = registerIpc(() => spy);
      const reply = await electron.ipcMain.invoke(
        'renderer:window.state',
        { title: 't', dirty: false },
        window,
        frameUrl,
      );
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(seen).not.toHaveBeenCalled();
    },
  );

  it('refuse a window that has no session', async () => {
    const stranger = new electron.FakeWebContents();
    expect(await electron.ipcMain.invoke('renderer:app.info', {}, stranger)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('validate the payload and name the bad field', async () => {
    const reply = await electron.ipcMain.invoke(
      'renderer:window.state',
      { title: 5, dirty: false },
      window,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('title') },
    });
  });
});
