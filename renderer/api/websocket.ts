import type { EventChannel, RequestChannel, ResponseOf } from '../../shared/api/contract.js';
import type { StrataClient } from './client.js';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type Incoming =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: unknown }
  | { event: EventChannel; payload: unknown };

/** The serve URL: same origin as the page, with the token from the page's `token` parameter. */
export function serveSocketUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return `${protocol}//${location.host}/ws?token=${encodeURIComponent(token)}`;
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return JSON.stringify(error);
}

/** A client over `strata serve`'s WebSocket: `{id, channel, payload}` → `{id, ok, result|error}`. */
export function websocketClient(url: string): StrataClient {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`Cannot connect to ${url}.`)), {
      once: true,
    });
  });
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as Incoming;
    if ('event' in data) {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload as never);
      return;
    }
    const waiting = pending.get(data.id);
    if (!waiting) return;
    pending.delete(data.id);
    if (data.ok) waiting.resolve(data.result);
    else waiting.reject(new Error(errorText(data.error)));
  });
  socket.addEventListener('close', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('The connection closed.'));
    pending.clear();
  });

  return {
    async request<C extends RequestChannel>(channel: C, payload: unknown) {
      await opened;
      const id = nextId++;
      return new Promise<ResponseOf<C>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id, channel, payload }));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => set.delete(entry);
    },
  };
}
