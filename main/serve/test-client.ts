import { WebSocket } from 'ws';
import type { Reply } from '../../shared/api/reply.js';
import { SERVE_API_PATH } from '../../shared/api/socket.js';
import { startServer, type ServeOptions } from './server.js';

/** A browser's view of `strata serve`, for contract tests: requests, and the events pushed. */
export interface SocketClient {
  call(channel: string, payload: unknown): Promise<Reply>;
  /** Every event frame received so far, in order. */
  readonly events: { event: string; payload: unknown }[];
  /** Closes the socket and stops the server. */
  close(): Promise<void>;
}

/**
 * Starts `strata serve` with `options` and connects one WebSocket client to its API; `onEvent`
 * sees each event as it arrives.
 */
export async function serveAndConnect(
  options: ServeOptions,
  onEvent: (event: string, payload: unknown) => void = () => {},
): Promise<SocketClient> {
  const server = await startServer(options);
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${SERVE_API_PATH}?token=${server.token}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const events: SocketClient['events'] = [];
  const pending = new Map<number, (reply: Reply) => void>();
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as Record<string, unknown>;
    if (typeof frame.event === 'string') {
      events.push({ event: frame.event, payload: frame.payload });
      onEvent(frame.event, frame.payload);
    }
    if (typeof frame.id === 'number') {
      const { id, ...reply } = frame;
      pending.get(id)?.(reply as Reply);
      pending.delete(id);
    }
  });
  let lastId = 0;
  return {
    call: (channel, payload) =>
      new Promise((resolve) => {
        const id = ++lastId;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, payload }));
      }),
    events,
    close: async () => {
      ws.close();
      await server.close();
    },
  };
}
