import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { requestChannels } from '../../shared/api/methods.js';
import { SERVE_API_PATH } from '../../shared/api/socket.js';
import {
  encodeFrame,
  OPCODE,
  rawConnect,
  type RawConnection,
  type RawFrame,
  type ServerEvent,
} from './raw-socket.js';
import { startServer, type RunningServer } from './server.js';

/**
 * 1,000 random and malformed frames to one connection of `strata serve`, reconnecting whenever the
 * server closes it, while a second, well-behaved connection keeps getting real answers. Seeded,
 * so a failure names the frame that caused it and reruns the same way; no step waits on a clock:
 * after each frame a probe request shows whether the connection still answers or was closed.
 */

const FRAMES = 1000;
const SEED = 0x5eed16;
const MAX_PAYLOAD = 16 * 1024;

/** mulberry32: a small, seeded generator of numbers in [0, 1). */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}
type Random = ReturnType<typeof seeded>;

/** A JSON value of any type, a few levels deep. */
function anyValue(r: Random, depth = 0): unknown {
  const kind = r.int(depth > 2 ? 6 : 8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.5, r.int(1000)]);
    case 3:
      return r.pick([
        '',
        'a.strata',
        '../../etc/passwd',
        '\u0000\u001b[31m',
        'x'.repeat(r.int(300)),
      ]);
    case 4:
      return r.pick(['__proto__', 'constructor', 'toString', 'tfjs', 'onnx', '.']);
    case 5:
      return r.int(10_000);
    case 6:
      return Array.from({ length: r.int(4) }, () => anyValue(r, depth + 1));
    default: {
      const keys = ['path', 'format', 'outDir', 'runId', 'name', 'document', '__proto__', 'id'];
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [r.pick(keys), anyValue(r, depth + 1)]),
      );
    }
  }
}

const channels = [...requestChannels, 'renderer:nope', '__proto__', 'constructor', '', 'main:x'];

/** A request whose id, channel and payload may each be of the wrong type. */
function request(r: Random) {
  return {
    id: r.next() < 0.7 ? r.int(1_000_000) : anyValue(r),
    channel: r.next() < 0.8 ? r.pick(channels) : anyValue(r),
    payload: anyValue(r),
  };
}

const text = (s: string | Buffer, more: Partial<RawFrame> = {}): RawFrame => ({
  opcode: OPCODE.text,
  payload: Buffer.from(s),
  ...more,
});

/** Byte sequences no UTF-8 decoder accepts. */
const INVALID_UTF8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80], [0x80]];

/** How the server must treat a case: answer on (the probe is answered), or close with a code. */
type Expected = 'answers' | 'closes' | number;

interface Case {
  kind: string;
  frames: RawFrame[];
  expected: Expected;
}

/** One fuzz case: the frames to send and what the server must do. */
function fuzzCase(r: Random): Case {
  const valid = JSON.stringify(request(r));
  const kinds: (() => Case)[] = [
    () => ({ kind: 'wrong types', frames: [text(valid)], expected: 'answers' }),
    () => ({
      kind: 'partial JSON',
      frames: [text(valid.slice(0, r.int(valid.length)))],
      expected: 'answers',
    }),
    () => ({
      kind: 'random text',
      frames: [
        text(String.fromCodePoint(...Array.from({ length: r.int(64) }, () => r.int(0xd7ff)))),
      ],
      expected: 'answers',
    }),
    () => ({
      kind: 'binary',
      frames: [{ opcode: OPCODE.binary, payload: r.bytes(r.int(200)) }],
      expected: 'answers',
    }),
    () => ({
      kind: 'deep JSON',
      frames: [text(`${'['.repeat(5000)}${']'.repeat(5000)}`)],
      expected: 'answers',
    }),
    () => ({
      kind: 'fragmented request',
      frames: [
        text(valid.slice(0, valid.length >> 1), { fin: false }),
        { opcode: OPCODE.ping, payload: r.bytes(r.int(100)) },
        { opcode: OPCODE.continuation, payload: Buffer.from(valid.slice(valid.length >> 1)) },
      ],
      expected: 'answers',
    }),
    () => ({
      kind: 'ping',
      frames: [{ opcode: OPCODE.ping, payload: r.bytes(125) }],
      expected: 'answers',
    }),
    () => {
      const at = r.int(valid.length);
      const bad = Buffer.from(r.pick(INVALID_UTF8));
      const payload = Buffer.concat([
        Buffer.from(valid.slice(0, at)),
        bad,
        Buffer.from(valid.slice(at)),
      ]);
      return { kind: 'invalid UTF-8', frames: [text(payload)], expected: 1007 };
    },
    () => ({
      kind: 'oversize, header only',
      frames: [text('', { declaredLength: MAX_PAYLOAD + 1 + r.int(2 ** 40) })],
      expected: 1009,
    }),
    () => ({
      kind: 'oversize, sent whole',
      frames: [{ opcode: OPCODE.binary, payload: r.bytes(MAX_PAYLOAD + 1 + r.int(1000)) }],
      expected: 1009,
    }),
    () => ({ kind: 'unmasked', frames: [text(valid, { masked: false })], expected: 1002 }),
    () => ({
      kind: 'reserved opcode',
      frames: [{ opcode: r.pick([3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), payload: r.bytes(8) }],
      expected: 1002,
    }),
    () => ({
      kind: 'reserved bits',
      frames: [text(valid, { rsv: r.pick([0x10, 0x20, 0x40]) })],
      expected: 1002,
    }),
    () => ({
      kind: 'stray continuation',
      frames: [{ opcode: OPCODE.continuation, payload: Buffer.from(valid) }],
      expected: 1002,
    }),
    () => ({
      kind: 'interrupted fragments',
      frames: [text(valid.slice(0, 5), { fin: false }), text(valid)],
      expected: 1002,
    }),
    () => ({
      kind: 'control frame too long',
      frames: [{ opcode: OPCODE.ping, payload: r.bytes(126) }],
      expected: 1002,
    }),
    () => ({
      kind: 'client closes',
      frames: [{ opcode: OPCODE.close, payload: Buffer.from([0x03, 0xe8]) }],
      expected: 'closes',
    }),
  ];
  return r.pick(kinds)();
}

let folder: string;
let server: RunningServer;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-fuzz-'));
  server = await startServer({
    folder,
    port: 0,
    rendererDir: join(folder, 'no-renderer'),
    version: '0.0.1',
    maxPayload: MAX_PAYLOAD,
  });
});
afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

/** The well-behaved client: the `ws` package, as the tests of the contract use it. */
async function goodClient() {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${SERVE_API_PATH}?token=${server.token}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let closed = false;
  ws.on('close', () => (closed = true));
  let id = 0;
  const call = (channel: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const mine = ++id;
      const onMessage = (data: Buffer) => {
        const frame = JSON.parse(data.toString()) as Record<string, unknown>;
        if (frame.id !== mine) return;
        ws.off('message', onMessage);
        resolve(frame);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: mine, channel, payload: {} }));
    });
  return { call, closed: () => closed, close: () => ws.close() };
}

/** Sends the probe and reads until its answer, or until the server closes the connection. */
async function probe(connection: RawConnection, id: number): Promise<ServerEvent> {
  connection.send(
    encodeFrame(text(JSON.stringify({ id, channel: 'renderer:app.info', payload: {} }))),
  );
  for (;;) {
    const event = await connection.next();
    if (event.kind !== 'text') return event;
    if ((JSON.parse(event.text) as { id?: unknown }).id === id) return event;
  }
}

describe('strata serve under malformed WebSocket frames', () => {
  it(`survives ${FRAMES} random and malformed frames, and a second connection answers throughout`, async () => {
    const r = seeded(SEED);
    const good = await goodClient();
    let fuzzed = await rawConnect(server.port, server.token);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < FRAMES; i++) {
      const { kind, frames, expected } = fuzzCase(r);
      for (const frame of frames) fuzzed.send(encodeFrame(frame));
      // Probe ids are negative: a fuzzed request never shares one.
      const event = await probe(fuzzed, -1 - i);
      const seen: Expected =
        event.kind === 'text'
          ? 'answers'
          : event.kind === 'close' && event.code
            ? event.code
            : 'closes';
      const where = `frame ${i} (${kind})`;
      if (expected === 'closes') expect(seen, where).not.toBe('answers');
      else expect(seen, where).toBe(expected);
      outcomes.set(String(seen), (outcomes.get(String(seen)) ?? 0) + 1);
      if (seen !== 'answers') {
        fuzzed.destroy();
        fuzzed = await rawConnect(server.port, server.token);
      }
      if (i % 25 === 0) {
        expect(await good.call('renderer:templates.list'), where).toMatchObject({
          ok: true,
          result: expect.arrayContaining([expect.objectContaining({ name: 'mlp-mnist' })]),
        });
      }
    }
    fuzzed.destroy();
    expect(await good.call('renderer:app.info')).toMatchObject({ ok: true });
    expect(good.closed()).toBe(false);
    // Each way in was taken many times: the run is not vacuous.
    for (const outcome of ['answers', '1002', '1007', '1009']) {
      expect(outcomes.get(outcome), outcome).toBeGreaterThan(20);
    }
    good.close();
  });
});
