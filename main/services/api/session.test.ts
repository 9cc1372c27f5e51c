import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from './session.js';
import type { Session, WindowState } from './session.js';
import { sampleProject, temporaryHost } from './test-host.js';

let env: Awaited<ReturnType<typeof temporaryHost>>;
let session: Session;
const document = () => JSON.parse(JSON.stringify(sampleProject())) as Record<string, unknown>;

beforeEach(async () => {
  env = await temporaryHost();
  await mkdir(env.folder, { recursive: true });
  session = createSession(env.host);
});
afterEach(async () => {
  session.dispose();
  await env.cleanup();
});

describe('a session', () => {
  it('describes the app and its transport', async () => {
    expect(await session.handle('renderer:app.info', {})).toEqual({
      ok: true,
      result: { version: '9.9.9-test', transport: 'websocket', nativeDialogs: false },
    });
  });

  it('lists templates and creates an unsaved project from one', async () => {
    const list = await session.handle('renderer:templates.list', {});
    expect(list.ok && (list.result as { name: string }[]).map((t) => t.name)).toEqual(['mlp']);
    const created = await session.handle('renderer:templates.create', { name: 'mlp' });
    expect(created).toMatchObject({ ok: true, result: { path: null, stamp: null, warnings: [] } });
    const missing = await session.handle('renderer:templates.create', { name: 'nope' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('nope') },
    });
  });

  it('lists project files in the folder, skipping hidden folders and node_modules', async () => {
    for (const file of [
      'a.strata',
      'deep/b.strata',
      'notes.txt',
      '.hidden/c.strata',
      'node_modules/d.strata',
    ]) {
      await mkdir(join(env.folder, file, '..'), { recursive: true });
      await writeFile(join(env.folder, file), '{}');
    }
    const reply = await session.handle('renderer:files.list', {});
    expect(reply.ok && (reply.result as { path: string }[]).map((f) => f.path)).toEqual([
      'a.strata',
      'deep/b.strata',
    ]);
  });

  it('remembers opened and saved projects, newest first, as the renderer names them', async () => {
    await session.handle('renderer:project.save', {
      path: 'one.strata',
      document: document(),
      baseStamp: null,
    });
    await session.handle('renderer:project.save', {
      path: 'two.strata',
      document: document(),
      baseStamp: null,
    });
    await session.handle('renderer:project.open', { path: 'one.strata' });
    expect(await session.handle('renderer:project.recent', {})).toEqual({
      ok: true,
      result: ['one.strata', 'two.strata'],
    });
  });

  it('keeps, lists and discards recovery copies', async () => {
    await session.handle('renderer:recovery.write', { key: 'w1', path: null, document: { a: 1 } });
    await session.handle('renderer:recovery.write', {
      key: 'w2/../../x',
      path: 'p.strata',
      document: { b: 2 },
    });
    const listed = await session.handle('renderer:recovery.list', {});
    const keys = listed.ok ? (listed.result as { key: string }[]).map((e) => e.key).sort() : [];
    expect(keys).toEqual(['w1', 'w2/../../x']);
    await session.handle('renderer:recovery.discard', { key: 'w1' });
    const after = await session.handle('renderer:recovery.list', {});
    expect(after).toMatchObject({
      ok: true,
      result: [{ key: 'w2/../../x', path: 'p.strata', document: { b: 2 } }],
    });
  });

  it('keeps the file stamp a recovery copy started from, so it saves without a false conflict', async () => {
    await session.handle('renderer:recovery.write', {
      key: 'w3',
      path: 'p.strata',
      stamp: 'sha256:abc',
      document: { c: 3 },
    });
    const listed = await session.handle('renderer:recovery.list', {});
    expect(listed).toMatchObject({ ok: true, result: [{ key: 'w3', stamp: 'sha256:abc' }] });
  });

  it('passes the window state to the shell', async () => {
    const seen: WindowState[] = [];
    const shell = createSession({ ...env.host, onWindowState: (state) => seen.push(state) });
    await shell.handle('renderer:window.state', { title: 'MLP', dirty: true });
    expect(seen).toEqual([{ title: 'MLP', dirty: true }]);
    expect(shell.windowState).toEqual({ title: 'MLP', dirty: true });
  });

  it('tells the renderer when its file changes on disk, but not after its own save', async () => {
    const saved = await session.handle('renderer:project.save', {
      path: 'w.strata',
      document: document(),
      baseStamp: null,
    });
    expect(saved.ok).toBe(true);
    expect(session.file).toBe(join(env.folder, 'w.strata'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(env.events).toEqual([]);
    await writeFile(join(env.folder, 'w.strata'), 'changed by another program');
    await vi.waitFor(
      () =>
        expect(env.events).toEqual([
          { event: 'main:project.changedOnDisk', payload: { path: 'w.strata' } },
        ]),
      {
        timeout: 3000,
      },
    );
  });
});

describe('request validation', () => {
  it('refuses a channel outside the contract', async () => {
    expect(await session.handle('renderer:shell.exec', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    expect(await session.handle('toString', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
  });

  it('names the bad field of a payload', async () => {
    const reply = await session.handle('renderer:project.save', {
      path: 'x.strata',
      document: [],
      baseStamp: null,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!reply.ok && reply.error.message).toMatch(/^renderer:project\.save: document: /);
  });

  it('turns a failing service into a failed reply instead of throwing', async () => {
    const broken = createSession({
      ...env.host,
      recovery: {
        ...env.host.recovery,
        list: () => Promise.reject(new Error('disk on fire')),
      } as never,
    });
    expect(await broken.handle('renderer:recovery.list', {})).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('disk on fire') },
    });
  });

  it('catches a service answer outside the contract when checking responses', async () => {
    const wrong = createSession({
      ...env.host,
      templates: { list: () => [{ name: 1 }] as never, create: () => undefined },
    });
    expect(await wrong.handle('renderer:templates.list', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
  });
});
