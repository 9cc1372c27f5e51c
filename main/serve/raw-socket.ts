import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { SERVE_API_PATH } from '../../shared/api/socket.js';

/**
 * A WebSocket client over a bare TCP socket, for tests that send what a well-behaved client (the
 * `ws` package, a browser) refuses to: invalid UTF-8, unmasked or reserved frames, lengths past
 * the limit. It reads the server's frames back as messages and the close.
 */

/** What the server sent: a text message, its close frame (with the code), or the socket ended. */
export type ServerEvent =
  { kind: 'text'; text: string } | { kind: 'close'; code: number | null } | { kind: 'gone' };

/** One frame as it goes on the wire; lengths and flags may be anything. */
export interface RawFrame {
  fin?: boolean;
  /** RSV1..3 as the 0x70 bits of the first byte. */
  rsv?: number;
  opcode: number;
  payload: Buffer;
  /** Clients must mask; false sends the payload in clear. */
  masked?: boolean;
  /** The length the header claims; the payload's own length when absent. */
  declaredLength?: number;
}

export const OPCODE = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 };

/** The bytes of `frame`: header, the 7-, 16- or 64-bit length, the mask key, the payload. */
export function encodeFrame(frame: RawFrame): Buffer {
  const masked = frame.masked ?? true;
  const length = frame.declaredLength ?? frame.payload.length;
  const first =
    ((frame.fin ?? true) ? 0x80 : 0) | ((frame.rsv ?? 0) & 0x70) | (frame.opcode & 0x0f);
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, length]);
  else if (length < 65536) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(length, 2);
    header[1] = 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(BigInt(length), 2);
    header[1] = 127;
  }
  header[0] = first;
  if (!masked) return Buffer.concat([header, frame.payload]);
  header[1] |= 0x80;
  const key = randomBytes(4);
  const body = Buffer.from(frame.payload);
  for (let i = 0; i < body.length; i++) body[i] ^= key[i % 4];
  return Buffer.concat([header, key, body]);
}

/** An upgraded raw connection. */
export interface RawConnection {
  send(bytes: Buffer): void;
  /** The next frame or end from the server (pongs skipped), in order. */
  next(): Promise<ServerEvent>;
  destroy(): void;
}

/**
 * Opens a WebSocket to `strata serve` on `port` by hand; rejects with the HTTP status line when
 * the server refuses the upgrade.
 */
export function rawConnect(port: number, token: string): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    // Each frame goes out at once: Nagle's algorithm would hold a probe back behind a frame.
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    const events: ServerEvent[] = [];
    const waiting: ((event: ServerEvent) => void)[] = [];
    const push = (event: ServerEvent) => {
      const waiter = waiting.shift();
      if (waiter) waiter(event);
      else events.push(event);
    };
    socket.on('error', () => {});
    socket.on('close', () => {
      if (!upgraded) reject(new Error('the server closed the socket before answering'));
      push({ kind: 'gone' });
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const status = buffer.subarray(0, buffer.indexOf('\r\n')).toString();
        if (!/^HTTP\/1\.1 101 /.test(status)) {
          socket.destroy();
          reject(new Error(status));
          return;
        }
        upgraded = true;
        buffer = buffer.subarray(end + 4);
        resolve(connection(socket, () => nextEvent()));
      }
      let frame: { event: ServerEvent | null; size: number } | null;
      while ((frame = readServerFrame(buffer))) {
        buffer = buffer.subarray(frame.size);
        if (frame.event) push(frame.event);
      }
    });
    const nextEvent = () =>
      new Promise<ServerEvent>((take) => {
        const event = events.shift();
        if (event) take(event);
        else waiting.push(take);
      });
    const key = randomBytes(16).toString('base64');
    socket.write(
      `GET ${SERVE_API_PATH}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\n` +
        'Sec-WebSocket-Version: 13\r\n\r\n',
    );
  });
}

function connection(socket: Socket, next: () => Promise<ServerEvent>): RawConnection {
  return {
    send: (bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    },
    next,
    destroy: () => socket.destroy(),
  };
}

/** One complete (unmasked) server frame at the start of `bytes`, or null while it is partial. */
function readServerFrame(bytes: Buffer): { event: ServerEvent | null; size: number } | null {
  if (bytes.length < 2) return null;
  const opcode = bytes[0] & 0x0f;
  let length = bytes[1] & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (bytes.length < 4) return null;
    length = bytes.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (bytes.length < 10) return null;
    length = Number(bytes.readBigUInt64BE(2));
    offset = 10;
  }
  if (bytes.length < offset + length) return null;
  const payload = bytes.subarray(offset, offset + length);
  const size = offset + length;
  if (opcode === OPCODE.text) return { event: { kind: 'text', text: payload.toString() }, size };
  if (opcode === OPCODE.close) {
    return { event: { kind: 'close', code: length >= 2 ? payload.readUInt16BE(0) : null }, size };
  }
  return { event: null, size };
}
