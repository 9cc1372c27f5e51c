import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../shared/api/reply.js';
import { serializeProject } from '../../shared/project/serialize.js';
import { createSession } from '../services/api/session.js';
import { projectOf, tinyConvnet, trainQuickly } from '../services/inspection/test-runs.js';
import { RecoveryStore } from '../services/recovery/recovery-store.js';
import { RecentFiles } from '../services/storage/recent-files.js';
import { builtInTemplates } from '../services/templates/built-in.js';
import { confinedPaths } from '../services/workspace/paths.js';
import { serveAndConnect } from '../serve/test-client.js';
import * as electron from './fake-electron.js';
import { registerIpc } from './ipc.js';

vi.mock('electron', () => import('./fake-electron.js'));

/**
 * The predict, inspect and export channels through each transport's server side, as
 * transports.test.ts does for the document channels: one short real run trained once, the same
 * requests against a fresh copy of it, and equal answers and progress events.
 */
const base = join(tmpdir(), `strata-inspection-transports-${process.pid}`);
const seed = join(base, 'seed');
const folder = join(base, 'work');
const userData = join(base, 'user');
const project = projectOf(tinyConvnet(), {
  task: 'classification',
  dataset: 'mnist',
  batchSize: 16,
});
let runId: string;

const digit = (size: number) => ({
  width: size,
  height: size,
  channels: 1,
  // A vertical bar: a crude "1".
  data: Array.from({ length: size * size }, (_, i) =>
    Math.abs((i % size) - size / 2) < size / 10 ? 255 : 0,
  ),
});

async function runSuite(send: (channel: string, payload: unknown) => Promise<Reply>) {
  const replies: Reply[] = [];
  const ask = async (channel: string, payload: unknown) => {
    replies.push(await send(channel, payload));
  };
  const run = { path: 'a.strata', runId };
  await ask('renderer:model.predict', { ...run, input: { kind: 'example', index: 2 } });
  await ask('renderer:model.predict', { ...run, input: { kind: 'image', image: digit(140) } });
  await ask('renderer:model.predict', { ...run, input: { kind: 'vector', values: [1, 2] } });
  await ask('renderer:model.predict', {
    ...run,
    input: { kind: 'image', image: { ...digit(4), width: 5 } },
  });
  await ask('renderer:model.predict', {
    path: 'a.strata',
    runId: 'missing',
    input: { kind: 'example', index: 0 },
  });
  await ask('renderer:model.predict', {
    ...run,
    path: '../a.strata',
    input: { kind: 'example', index: 0 },
  });
  await ask('renderer:model.inspect', {
    ...run,
    nodeId: 'conv2d_1',
    input: { kind: 'example', index: 2 },
  });
  await ask('renderer:model.inspect', {
    ...run,
    nodeId: 'nope',
    input: { kind: 'example', index: 2 },
  });
  await ask('renderer:export.run', { path: 'a.strata', format: 'tfjs', runId, outDir: 'exported' });
  await ask('renderer:export.run', { path: 'a.strata', format: 'onnx', outDir: 'exported-onnx' });
  await ask('renderer:export.run', { path: 'a.strata', format: 'tfjs' });
  await ask('renderer:export.run', { path: 'a.strata', format: 'jpeg', outDir: 'x' });
  return replies;
}

const sessionHost = (emit: (event: string, payload: unknown) => void) => ({
  transport: 'ipc' as const,
  version: '1.2.3',
  paths: confinedPaths(folder),
  recent: new RecentFiles(userData),
  recovery: new RecoveryStore(userData),
  templates: builtInTemplates,
  dialogs: null,
  emit,
  checkResponses: true,
});

async function resetFolder() {
  await rm(folder, { recursive: true, force: true });
  await cp(seed, folder, { recursive: true });
}

let ipc: { replies: Reply[]; progress: unknown[] };
let socket: { replies: Reply[]; progress: unknown[] };

beforeAll(async () => {
  await rm(base, { recursive: true, force: true });
  await mkdir(seed, { recursive: true });
  await writeFile(join(seed, 'a.strata'), serializeProject(project));
  runId = await trainQuickly(join(seed, 'a.strata'), project, 3);

  await resetFolder();
  const ipcProgress: unknown[] = [];
  const session = createSession(
    sessionHost((event, payload) => event === 'main:export.progress' && ipcProgress.push(payload)),
  );
  const contents = new electron.FakeWebContents();
  const unregister = registerIpc((sender) =>
    sender === (contents as unknown) ? session : undefined,
  );
  ipc = {
    replies: await runSuite(
      (channel, payload) => electron.ipcMain.invoke(channel, payload, contents) as Promise<Reply>,
    ),
    progress: ipcProgress,
  };
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
  socket = {
    replies: await runSuite(client.call),
    progress: client.events.filter((e) => e.event === 'main:export.progress').map((e) => e.payload),
  };
  await client.close();
}, 300_000); // trains a model first: generous, so a busy machine is slow rather than failing
afterAll(() => rm(base, { recursive: true, force: true }));

describe('the predict, inspect and export channels over both transports', () => {
  it('give the same answers and progress events, errors included', () => {
    expect(socket.replies).toEqual(ipc.replies);
    expect(socket.progress).toEqual(ipc.progress);
  });

  it('answered as the contract says', () => {
    const codes = ipc.replies.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual([
      'ok', 'ok', 'invalid-request', 'invalid-request', 'not-found', 'forbidden-path',
      'ok', 'not-found', 'ok', 'ok', 'unsupported', 'invalid-request',
    ]); // prettier-ignore
    expect(ipc.replies[0]).toMatchObject({ result: { output: { kind: 'classes' } } });
    expect(ipc.replies[3]).toMatchObject({
      error: { message: expect.stringMatching(/input\.image\.data/) },
    });
    expect(ipc.replies[6]).toMatchObject({
      result: { detail: { kind: 'feature-maps', channels: 6 } },
    });
    expect(ipc.replies[8]).toMatchObject({
      result: {
        status: 'exported',
        models: [{ modelId: 'cnn', outDir: 'exported' }],
        weights: expect.stringContaining(runId),
      },
    });
    expect(ipc.replies[9]).toMatchObject({ result: { status: 'exported' } });
    expect(ipc.progress.length).toBeGreaterThan(2);
    expect(ipc.progress.at(-1)).toMatchObject({ modelId: 'cnn', fraction: 1 });
  });
});
