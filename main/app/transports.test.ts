import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createStrataApi } from '../../shared/api/client.js';
import { createSocketTransport, SERVE_API_PATH } from '../../shared/api/socket.js';
import type { Reply } from '../../shared/api/reply.js';
import { fixtureFiles } from '../../shared/project/fixtures.js';
import { templates } from '../../shared/templates/index.js';
import { createSession } from '../services/api/session.js';
import { sampleProject } from '../services/api/test-host.js';
import { RecoveryStore } from '../services/recovery/recovery-store.js';
import { RecentFiles } from '../services/storage/recent-files.js';
import { builtInTemplates } from '../services/templates/built-in.js';
import { confinedPaths } from '../services/workspace/paths.js';
import { startServer } from '../serve/server.js';
import { serveAndConnect } from '../serve/test-client.js';
import * as electron from './fake-electron.js';
import { registerIpc } from './ipc.js';
import { preloadApi } from './preload-api.js';

vi.mock('electron', () => import('./fake-electron.js'));

/**
 * The same requests, in the same order, against the same starting folder, through each
 * transport's server side: the IPC handlers (with a fake ipcMain) and the WebSocket server (with
 * a real client on loopback). Every answer must match, errors included.
 */
const base = join(tmpdir(), `strata-transports-${process.pid}`);
const folder = join(base, 'work');
const userData = join(base, 'user');
const document = () => JSON.parse(JSON.stringify(sampleProject())) as Record<string, unknown>;
const v2 = fixtureFiles.find((f) => f.version === 2)!.text;
const stampOf = (reply: Reply) => (reply.ok ? (reply.result as { stamp: string }).stamp : 'none');

type Send = (channel: string, payload: unknown) => Promise<Reply>;

/** Runs the suite, each step's payload possibly built from earlier answers. */
async function runSuite(send: Send): Promise<Reply[]> {
  const replies: Reply[] = [];
  const ask = async (channel: string, payload: unknown) => {
    const reply = await send(channel, payload);
    replies.push(reply);
    return reply;
  };
  await ask('renderer:app.info', {});
  await ask('renderer:templates.list', {});
  await ask('renderer:templates.create', { name: templates[0]!.name });
  await ask('renderer:templates.create', { name: 'no-such-template' });
  await ask('renderer:templates.create', { name: '' });
  await ask('renderer:files.list', {});
  const opened = await ask('renderer:project.open', { path: 'a.strata' });
  await ask('renderer:project.open', { path: '../outside.strata' });
  await ask('renderer:project.open', { path: '/etc/passwd' });
  await ask('renderer:project.open', { path: 'missing.strata' });
  await ask('renderer:project.open', { path: 'broken.strata' });
  await ask('renderer:project.open', { path: 42 });
  await ask('renderer:project.open', {});
  const saved = await ask('renderer:project.save', {
    path: 'a.strata',
    document: document(),
    baseStamp: stampOf(opened),
  });
  await ask('renderer:project.save', {
    path: 'a.strata',
    document: document(),
    baseStamp: stampOf(opened),
  });
  await ask('renderer:project.save', {
    path: 'a.strata',
    document: document(),
    baseStamp: stampOf(saved),
  });
  await ask('renderer:project.save', {
    path: 'b.strata',
    document: { name: 'no models' },
    baseStamp: null,
  });
  await ask('renderer:project.save', { path: 'b.strata', document: 'text', baseStamp: null });
  await ask('renderer:project.save', { path: 'b.strata', document: document() });
  await ask('renderer:project.save', { path: 'b.strata', document: document(), baseStamp: null });
  await ask('renderer:project.recent', {});
  await ask('renderer:recovery.write', { key: 'k1', path: null, document: { x: 1 } });
  await ask('renderer:recovery.write', { key: '', path: null, document: {} });
  await ask('renderer:recovery.discard', { key: 'k1' });
  await ask('renderer:recovery.list', {});
  await ask('renderer:window.state', { title: 'A', dirty: true });
  await ask('renderer:window.state', { title: 'A' });
  await ask('renderer:app.info', null);
  return replies;
}

/** A fresh copy of the starting folder, so both transports begin from the same files. */
async function resetFolder() {
  await rm(base, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'a.strata'), v2);
  await writeFile(join(folder, 'broken.strata'), '{"formatVersion": 2, "name": 3}');
  const fixed = new Date('2024-01-01T00:00:00Z');
  for (const file of ['a.strata', 'broken.strata']) await utimes(join(folder, file), fixed, fixed);
}

/** `app.info` names its transport; everything else must be equal. */
function withoutTransport(replies: Reply[]) {
  return replies.map((reply) => {
    if (!reply.ok || typeof reply.result !== 'object' || reply.result === null) return reply;
    const rest = { ...(reply.result as Record<string, unknown>) };
    delete rest.transport;
    return { ...reply, result: rest };
  });
}

let ipcReplies: Reply[];
let socketReplies: Reply[];

beforeAll(async () => {
  await resetFolder();
  const session = createSession({
    transport: 'ipc',
    version: '1.2.3',
    paths: confinedPaths(folder),
    recent: new RecentFiles(userData),
    recovery: new RecoveryStore(userData),
    templates: builtInTemplates,
    dialogs: null,
    emit: () => undefined,
    checkResponses: true,
  });
  const contents = new electron.FakeWebContents();
  const unregister = registerIpc((sender) =>
    sender === (contents as unknown) ? session : undefined,
  );
  ipcReplies = await runSuite(
    (channel, payload) => electron.ipcMain.invoke(channel, payload, contents) as Promise<Reply>,
  );
  unregister();
  session.dispose();

  await resetFolder();
  const client = await serveAndConnect({
    folder,
    port: 0,
    rendererDir: base,
    dataDir: userData,
    version: '1.2.3',
    checkResponses: true,
  });
  socketReplies = await runSuite(client.call);
  await client.close();
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('the two transports', () => {
  it('give the same answers to the same requests, errors included', () => {
    expect(socketReplies).toHaveLength(ipcReplies.length);
    expect(withoutTransport(socketReplies)).toEqual(withoutTransport(ipcReplies));
  });

  it('each name their own transport', () => {
    expect(ipcReplies[0]).toMatchObject({ ok: true, result: { transport: 'ipc' } });
    expect(socketReplies[0]).toMatchObject({ ok: true, result: { transport: 'websocket' } });
  });

  it('answered the suite as the contract says (spot checks of the shared answers)', () => {
    const codes = ipcReplies.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual([
      'ok', 'ok', 'ok', 'not-found', 'invalid-request', 'ok',
      'ok', 'forbidden-path', 'forbidden-path', 'not-found', 'invalid-project', 'invalid-request', 'unsupported',
      'ok', 'ok', 'ok', 'invalid-project', 'invalid-request', 'invalid-request', 'ok',
      'ok', 'ok', 'invalid-request', 'ok', 'ok', 'ok', 'invalid-request', 'ok',
    ]); // prettier-ignore
    expect(ipcReplies[13]).toMatchObject({ result: { status: 'saved' } });
    expect(ipcReplies[14]).toMatchObject({ result: { status: 'conflict', path: 'a.strata' } });
    expect(ipcReplies[15]).toMatchObject({ result: { status: 'saved' } });
    expect(ipcReplies[18]).toMatchObject({
      error: { message: expect.stringMatching(/baseStamp: /) },
    });
    expect(ipcReplies[19]).toMatchObject({ result: { status: 'saved', path: 'b.strata' } });
    expect(ipcReplies[11]).toMatchObject({
      error: { message: expect.stringMatching(/^renderer:project\.open: path: /) },
    });
    expect(ipcReplies[17]).toMatchObject({
      error: { message: expect.stringMatching(/document: /) },
    });
    expect(ipcReplies[20]).toEqual({ ok: true, result: ['b.strata', 'a.strata'] });
  });
});

describe('the typed clients over each transport', () => {
  it('reach the same services through the preload API and the socket transport', async () => {
    await resetFolder();
    const session = createSession({
      transport: 'ipc',
      version: '1.2.3',
      paths: confinedPaths(folder),
      recent: new RecentFiles(userData),
      recovery: new RecoveryStore(userData),
      templates: builtInTemplates,
      dialogs: null,
      emit: () => undefined,
    });
    const unregister = registerIpc((sender) =>
      sender === (electron.ipcRenderer.rendererContents as unknown) ? session : undefined,
    );
    const viaIpc = preloadApi(electron.ipcRenderer as never);
    const server = await startServer({
      folder,
      port: 0,
      rendererDir: base,
      dataDir: userData,
      version: '1.2.3',
    });
    const socket = new WebSocket(
      `ws://127.0.0.1:${server.port}${SERVE_API_PATH}?token=${server.token}`,
    );
    const viaSocket = createStrataApi(createSocketTransport(socket));
    try {
      for (const api of [viaIpc, viaSocket]) {
        expect((await api['files.list']()).map((f) => f.path)).toEqual([
          'a.strata',
          'broken.strata',
        ]);
        await expect(api['project.open']({ path: '../x.strata' })).rejects.toThrow(
          /outside the served folder/,
        );
      }
    } finally {
      socket.close();
      await server.close();
      unregister();
    }
  });
});
