import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { SERVE_API_PATH } from '../../shared/api/socket.js';
import { encodeFrame, OPCODE, rawConnect } from './raw-socket.js';
import { startServer } from './server.js';
import type { RunningServer } from './server.js';

let base: string;
let server: RunningServer;

/** A raw GET, so tests can set any Host or Cookie header. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** Opens a socket and resolves with it, or with the HTTP status of the refusal. */
function connect(query: string, headers: Record<string, string> = {}) {
  return new Promise<WebSocket | number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${SERVE_API_PATH}${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

function nextMessage(ws: WebSocket) {
  return new Promise<Record<string, unknown>>((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>)),
  );
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'strata-serve-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await mkdir(join(base, 'work'));
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>Strata</title>');
  await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  server = await startServer({
    folder: join(base, 'work'),
    port: 0,
    rendererDir: join(base, 'renderer'),
    version: '0.0.1',
  });
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('strata serve over HTTP', () => {
  it('prints a loopback URL carrying the token', () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toBe(server.token);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses the page without the token, or with a wrong one (403)', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
    expect((await get(`/?token=${server.token}x`)).status).toBe(403);
  });

  it('serves the page with the token, under a strict CSP, and lets its assets through by cookie', async () => {
    const page = await get(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Strata</title>');
    expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'self'/);
    const cookie = String((page.headers['set-cookie'] as string[])[0]).split(';')[0]!;
    expect(String((page.headers['set-cookie'] as string[])[0])).toMatch(
      /HttpOnly; SameSite=Strict/,
    );
    const asset = await get('/assets/app.js', { cookie });
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await get('/assets/app.js')).status).toBe(403);
  });

  it('refuses a request for another host name, so DNS rebinding cannot reach it', async () => {
    expect(
      (await get(`/?token=${server.token}`, { host: `evil.example:${server.port}` })).status,
    ).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
    ]) {
      const res = await get(`${path}?token=${server.token}`);
      expect(res.body).not.toContain('do not serve');
      expect(res.status).toBe(404);
    }
  });
});

describe('strata serve over WebSocket', () => {
  it('refuses a socket without the right token, or from another origin', async () => {
    expect(await connect('')).toBe(403);
    expect(await connect('?token=nope')).toBe(403);
    expect(await connect(`?token=${server.token}`, { origin: 'http://evil.example' })).toBe(403);
  });

  it('answers {id, channel, payload} with {id, ok, result}', async () => {
    const ws = (await connect(`?token=${server.token}`, {
      origin: `http://127.0.0.1:${server.port}`,
    })) as WebSocket;
    ws.send(JSON.stringify({ id: 7, channel: 'renderer:app.info', payload: {} }));
    expect(await nextMessage(ws)).toEqual({
      id: 7,
      ok: true,
      result: { version: '0.0.1', transport: 'websocket', nativeDialogs: false },
    });
    ws.close();
  });

  it('answers a malformed frame with an error instead of dropping the connection', async () => {
    const ws = (await connect(`?token=${server.token}`)) as WebSocket;
    ws.send('not json');
    expect(await nextMessage(ws)).toMatchObject({
      id: null,
      ok: false,
      error: { code: 'invalid-request' },
    });
    ws.send(JSON.stringify({ id: 1, channel: 'renderer:nope', payload: {} }));
    expect(await nextMessage(ws)).toMatchObject({
      id: 1,
      ok: false,
      error: { code: 'unknown-channel' },
    });
    ws.close();
  });

  it('pushes events as {event, payload}', async () => {
    const ws = (await connect(`?token=${server.token}`)) as WebSocket;
    const create = { id: 1, channel: 'renderer:templates.list', payload: {} };
    ws.send(JSON.stringify(create));
    const names = ((await nextMessage(ws)).result as { name: string }[]).map((t) => t.name);
    ws.send(
      JSON.stringify({ id: 2, channel: 'renderer:templates.create', payload: { name: names[0] } }),
    );
    const { document } = (await nextMessage(ws)).result as { document: unknown };
    ws.send(
      JSON.stringify({
        id: 3,
        channel: 'renderer:project.save',
        payload: { path: 'w.strata', document, baseStamp: null },
      }),
    );
    expect(await nextMessage(ws)).toMatchObject({ id: 3, ok: true, result: { status: 'saved' } });
    const event = nextMessage(ws);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(join(base, 'work', 'w.strata'), 'edited elsewhere');
    await vi.waitFor(async () =>
      expect(await event).toEqual({
        event: 'main:project.changedOnDisk',
        payload: { path: 'w.strata' },
      }),
    );
    ws.close();
  });
});

describe('strata serve under bad clients', () => {
  it('closes only the socket that sent invalid UTF-8 (1007), and answers on the others', async () => {
    const good = (await connect(`?token=${server.token}`)) as WebSocket;
    const bad = await rawConnect(server.port, server.token);
    bad.send(encodeFrame({ opcode: OPCODE.text, payload: Buffer.from([0xc3, 0x28, 0x7b, 0x7d]) }));
    expect(await bad.next()).toEqual({ kind: 'close', code: 1007 });
    bad.destroy();
    good.send(JSON.stringify({ id: 1, channel: 'renderer:app.info', payload: {} }));
    expect(await nextMessage(good)).toMatchObject({ id: 1, ok: true });
    good.close();
  });

  it('refuses connections beyond its cap with 503, and takes one again when a socket closes', async () => {
    const capped = await startServer({
      folder: join(base, 'work'),
      port: 0,
      rendererDir: join(base, 'renderer'),
      version: '0.0.1',
      maxConnections: 2,
    });
    try {
      const first = await rawConnect(capped.port, capped.token);
      await rawConnect(capped.port, capped.token);
      await expect(rawConnect(capped.port, capped.token)).rejects.toThrow(
        'HTTP/1.1 503 Service Unavailable',
      );
      first.destroy();
      await vi.waitFor(() => rawConnect(capped.port, capped.token), { timeout: 10_000 });
    } finally {
      await capped.close();
    }
  });
});
