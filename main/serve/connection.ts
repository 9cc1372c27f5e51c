import type { WebSocket } from 'ws';
import type { EventChannel, EventOf } from '../../shared/api/contract.js';
import { failure } from '../../shared/api/reply.js';
import type { SocketEvent } from '../../shared/api/socket.js';
import type { Session, SessionHost } from '../services/api/session.js';

/**
 * Serves one WebSocket: each `{id, channel, payload}` frame gets `{id, ok, result | error}`
 * (answers may arrive out of order; the id pairs them), and the session's events go out as
 * `{event, payload}`. The session ends with the socket.
 */
export function serveConnection(ws: WebSocket, open: (emit: SessionHost['emit']) => Session): void {
  const emit = <E extends EventChannel>(event: E, payload: EventOf<E>) => {
    if (ws.readyState === ws.OPEN)
      ws.send(JSON.stringify({ event, payload } satisfies SocketEvent));
  };
  const session = open(emit);
  ws.on('close', () => session.dispose());
  // A bad frame (invalid UTF-8, over the size limit, a protocol error) is this socket's error:
  // ws has already stopped reading it and sent the matching close code (1007, 1009, 1002), and
  // drops it when the client answers or after its close timeout. Without a listener, the error
  // would end the whole server, every tab and training run with it.
  ws.on('error', () => {});
  ws.on('message', (data, isBinary) => {
    void answer(session, isBinary ? null : data.toString())
      .catch((error: unknown) =>
        failure('failed', error instanceof Error ? error.message : String(error)),
      )
      .then((reply) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
  });
}

async function answer(session: Session, text: string | null) {
  let frame: unknown;
  try {
    frame = text === null ? null : JSON.parse(text);
  } catch {
    frame = null;
  }
  const { id, channel, payload } = (frame ?? {}) as Record<string, unknown>;
  if (typeof id !== 'number' || typeof channel !== 'string') {
    const reply = failure(
      'invalid-request',
      'Frames are JSON text: {"id": number, "channel": string, "payload": object}.',
    );
    return { id: typeof id === 'number' ? id : null, ...reply };
  }
  return { id, ...(await session.handle(channel, payload)) };
}
