import { describe, expect, it, vi } from 'vitest';
import { requestChannels, methodOf } from '../../shared/api/methods.js';
import * as electron from './fake-electron.js';
import { exposeApi, preloadApi } from './preload-api.js';

vi.mock('electron', () => import('./fake-electron.js'));

function fakeIpc() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const invoked: { channel: string; payload: unknown }[] = [];
  return {
    invoked,
    listeners,
    invoke: async (channel: string, payload: unknown) => {
      invoked.push({ channel, payload });
      return { ok: true, result: 'answer' };
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      return this;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return this;
    },
  };
}

describe('the preload API', () => {
  it('exposes one method per request channel and `on` as window.strata, and no generic invoke', () => {
    exposeApi(electron.contextBridge, fakeIpc() as never);
    const exposed = electron.contextBridge.exposed.get('strata') as Record<string, unknown>;
    expect(Object.keys(exposed).sort()).toEqual([...requestChannels.map(methodOf), 'on'].sort());
    expect(exposed).not.toHaveProperty('invoke');
    expect(exposed).not.toHaveProperty('send');
  });

  it('sends each method on its own channel and unwraps the reply', async () => {
    const ipc = fakeIpc();
    const api = preloadApi(ipc as never);
    await expect(api['project.open']({ path: '/a.strata' })).resolves.toBe('answer');
    expect(ipc.invoked).toEqual([
      { channel: 'renderer:project.open', payload: { path: '/a.strata' } },
    ]);
  });

  it('hands listeners only the payload, never the IPC event, and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = preloadApi(ipc as never);
    const heard: unknown[][] = [];
    const off = api.on('main:menu.command', (...args: unknown[]) => heard.push(args));
    const [listener] = ipc.listeners.get('main:menu.command')!;
    listener!({ sender: 'the raw event' }, { command: 'save' });
    expect(heard).toEqual([[{ command: 'save' }]]);
    off();
    expect(ipc.listeners.get('main:menu.command')!.size).toBe(0);
  });

  it('refuses to subscribe to a channel outside the contract', () => {
    const api = preloadApi(fakeIpc() as never);
    expect(() => api.on('renderer:project.save' as never, () => undefined)).toThrow(
      /not an event channel/,
    );
  });

  it('turns a failed invoke (no handler) into a rejected call with the channel named', async () => {
    const api = preloadApi({
      ...fakeIpc(),
      invoke: () => Promise.reject(new Error('No handler')),
    } as never);
    await expect(api['app.info']()).rejects.toThrow(/renderer:app\.info: No handler/);
  });
});
