import type { EventChannel, RequestChannel } from './contract.js';
import type { Transport } from './client.js';
import { failure } from './reply.js';
import type { Reply } from './reply.js';

/** Where `strata serve` accepts the API's WebSocket, on the page's own origin. */
export const SERVE_API_PATH = '/ws';

/** The query parameter carrying the session token, on the page URL and the socket URL. */
export const TOKEN_PARAM = 'token';

/** A request frame: the client picks `id` and the reply echoes it. @public */
export interface SocketRequest {
  id: number;
  channel: string;
  payload: unknown;
}

/** A reply frame. @public */
export type SocketReply = { id: number } & Reply;

/** An event frame pushed by the server. @public */
export interface SocketEvent {
  event: EventChannel;
  payload: unknown;
}

/** The part of a WebSocket (the browser's or `ws`'s) this transport uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const OPEN = 1;

/** A `Transport` over one WebSocket, for `createStrataApi` in the browser and in tests. */
export function createSocketTransport(socket: SocketLike): Transport {
  const pending = new Map<number, (reply: Reply) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queued: string[] = [];
  let nextId = 1;
  let closed = false;

  socket.addEventListener('open', () => queued.splice(0).forEach((frame) => socket.send(frame)));
  socket.addEventListener('close', () => {
    closed = true;
    for (const resolve of pending.values())
      resolve(failure('failed', 'The connection to Strata closed.'));
    pending.clear();
  });
  socket.addEventListener('message', ({ data }) => {
    if (typeof data !== 'string') return;
    const frame = JSON.parse(data) as Partial<SocketReply & SocketEvent>;
    if (typeof frame.event === 'string') {
      listeners.get(frame.event)?.forEach((listener) => listener(frame.payload));
    } else if (typeof frame.id === 'number') {
      pending.get(frame.id)?.(frame as SocketReply);
      pending.delete(frame.id);
    }
  });

  return {
    call(channel: RequestChannel, payload: unknown) {
      if (closed) return Promise.resolve(failure('failed', 'The connection to Strata is closed.'));
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, payload } satisfies SocketRequest);
      return new Promise<Reply>((resolve) => {
        pending.set(id, resolve);
        if (socket.readyState === OPEN) socket.send(frame);
        else queued.push(frame);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
