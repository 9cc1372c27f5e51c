import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../shared/api/reply.js';
import type { TrainingEvent } from '../../shared/api/training-events.js';
import { serializeProject } from '../../shared/project/serialize.js';
import { findTemplate } from '../../shared/templates/index.js';
import { createSession } from '../services/api/session.js';
import { RecoveryStore } from '../services/recovery/recovery-store.js';
import { RecentFiles } from '../services/storage/recent-files.js';
import { builtInTemplates } from '../services/templates/built-in.js';
import { confinedPaths } from '../services/workspace/paths.js';
import { serveAndConnect } from '../serve/test-client.js';
import * as electron from './fake-electron.js';
import { registerIpc } from './ipc.js';

vi.mock('electron', () => import('./fake-electron.js'));

/**
 * The training channels through each transport's server side, as transports.test.ts does for
 * the document channels: the same requests, a short real run on the cpu backend, and the same
 * answers once run ids, times and measured figures are masked.
 */
const base = join(tmpdir(), `strata-training-transports-${process.pid}`);
const folder = join(base, 'work');
const userData = join(base, 'user');
const template = findTemplate('mlp-mnist')!.project;
const document = () => JSON.parse(serializeProject(template)) as Record<string, unknown>;

interface Wire {
  send(channel: string, payload: unknown): Promise<Reply>;
  /** Resolves with the run's events once one of them ends it. */
  runEvents(runId: string): Promise<TrainingEvent[]>;
}

/** Collects `main:training.event` payloads and lets a test wait for a run's end. */
function eventLog() {
  const seen: { runId: string; event: TrainingEvent }[] = [];
  const waiting: (() => void)[] = [];
  return {
    push(payload: { runId: string; event: TrainingEvent }) {
      seen.push(payload);
      waiting.splice(0).forEach((wake) => wake());
    },
    async runEvents(runId: string) {
      const ended = () =>
        seen.some(
          (p) => p.runId === runId && ['finished', 'stopped', 'failed'].includes(p.event.type),
        );
      while (!ended()) await new Promise<void>((wake) => waiting.push(wake));
      return seen.filter((p) => p.runId === runId).map((p) => p.event);
    },
  };
}

async function runSuite(wire: Wire): Promise<{ replies: Reply[]; streamed: string[] }> {
  const replies: Reply[] = [];
  const ask = async (channel: string, payload: unknown) => {
    const reply = await wire.send(channel, payload);
    replies.push(reply);
    return reply;
  };
  await ask('renderer:datasets.list', {});
  await ask('renderer:backends.describe', {});
  const start = { path: 'a.strata', backend: 'cpu', batchesPerEpoch: 2 };
  const started = await ask('renderer:training.start', { ...start, document: document() });
  const runId = started.ok ? (started.result as { runId: string }).runId : 'none';
  const streamed = types(await wire.runEvents(runId));
  await ask('renderer:training.start', { ...start, document: { name: 'no models' } });
  await ask('renderer:training.start', { ...start, path: '../x.strata', document: document() });
  await ask('renderer:training.start', { ...start, document: document(), resumeRunId: 'nope' });
  await ask('renderer:training.control', { runId, action: 'pause' });
  await ask('renderer:training.control', { runId, action: 'rewind' });
  await ask('renderer:runs.list', { path: 'a.strata' });
  await ask('renderer:runs.list', { path: 'empty.strata' });
  const log = await ask('renderer:runs.log', { path: 'a.strata', runId });
  if (log.ok) replies[replies.length - 1] = { ok: true, result: types(log.result) };
  await ask('renderer:runs.log', { path: 'a.strata', runId: '../../etc' });
  return { replies, streamed };
}

/** Event types in order; a run of batch events is one, since coalescing depends on timing. */
const types = (events: unknown) =>
  (events as TrainingEvent[])
    .map((e) => e.type)
    .filter((type, i, all) => type !== 'batch' || all[i - 1] !== 'batch');

/** Masks what differs between two runs: ids, times and measured figures (counts stay). */
function masked(value: unknown, key = ''): unknown {
  const counts = ['epoch', 'epochs', 'step', 'steps', 'batchSize', 'train', 'validation', 'test'];
  if (typeof value === 'number') return counts.includes(key) ? value : '<number>';
  if (typeof value === 'string') {
    return value
      .replace(/\d{4}-\d\d-\d\dT[\d-]+-[0-9a-f]{6}/g, '<run>')
      .replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/, '<time>');
  }
  if (Array.isArray(value)) return value.map((v) => masked(v));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, k)]));
  }
  return value;
}

async function resetFolder() {
  await rm(base, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'a.strata'), serializeProject(template));
}

let ipc: Awaited<ReturnType<typeof runSuite>>;
let socket: Awaited<ReturnType<typeof runSuite>>;

beforeAll(async () => {
  await resetFolder();
  const ipcEvents = eventLog();
  const session = createSession({
    transport: 'ipc',
    version: '1.2.3',
    paths: confinedPaths(folder),
    recent: new RecentFiles(userData),
    recovery: new RecoveryStore(userData),
    templates: builtInTemplates,
    dialogs: null,
    emit: (event, payload) => {
      if (event === 'main:training.event') ipcEvents.push(payload as never);
    },
    checkResponses: true,
  });
  const contents = new electron.FakeWebContents();
  const unregister = registerIpc((sender) =>
    sender === (contents as unknown) ? session : undefined,
  );
  ipc = await runSuite({
    send: (channel, payload) =>
      electron.ipcMain.invoke(channel, payload, contents) as Promise<Reply>,
    runEvents: ipcEvents.runEvents,
  });
  unregister();
  session.dispose();

  await resetFolder();
  const socketEvents = eventLog();
  const client = await serveAndConnect(
    {
      folder,
      port: 0,
      rendererDir: base,
      dataDir: userData,
      version: '1.2.3',
      checkResponses: true,
    },
    (event, payload) => {
      if (event === 'main:training.event') socketEvents.push(payload as never);
    },
  );
  socket = await runSuite({ send: client.call, runEvents: socketEvents.runEvents });
  await client.close();
}, 300_000); // trains a model first: generous, so a busy machine is slow rather than failing
afterAll(() => rm(base, { recursive: true, force: true }));

describe('the training channels over both transports', () => {
  it('give the same answers, errors included, once ids, times and figures are masked', () => {
    expect(socket.replies).toHaveLength(ipc.replies.length);
    expect(masked(socket.replies)).toEqual(masked(ipc.replies));
    expect(socket.streamed).toEqual(ipc.streamed);
  });

  it('answered as the contract says', () => {
    const codes = ipc.replies.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).toEqual([
      'ok', 'ok', 'ok', 'invalid-project', 'forbidden-path', 'not-found',
      'not-found', 'invalid-request', 'ok', 'ok', 'ok', 'invalid-request',
    ]); // prettier-ignore
    expect(ipc.replies[0]).toMatchObject({
      result: expect.arrayContaining([
        expect.objectContaining({ id: 'mnist', inputShape: [28, 28, 1] }),
      ]),
    });
    expect(ipc.replies[1]).toMatchObject({ result: { available: ['tensorflow', 'wasm', 'cpu'] } });
    expect(ipc.streamed[0]).toBe('started');
    expect(ipc.streamed.at(-1)).toBe('finished');
    expect(ipc.replies[8]).toMatchObject({
      result: [
        { status: 'finished', dataset: template.recipe.dataset, epochs: template.recipe.epochs },
      ],
    });
    expect(ipc.replies[9]).toEqual({ ok: true, result: [] });
    expect(ipc.replies[10]).toEqual({ ok: true, result: ipc.streamed });
  });
});
