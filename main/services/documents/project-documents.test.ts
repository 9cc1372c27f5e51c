import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../shared/project/fixtures.js';
import { CURRENT_FORMAT_VERSION } from '../../../shared/project/schema.js';
import { createSession } from '../api/session.js';
import type { Session } from '../api/session.js';
import { sampleProject, temporaryHost } from '../api/test-host.js';

let env: Awaited<ReturnType<typeof temporaryHost>>;
let session: Session;
const sha256 = (bytes: string | Buffer) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
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

describe('opening a project', () => {
  it('returns the document, a stamp of the bytes on disk, and the path as the renderer sent it', async () => {
    const current = fixtureFiles.find((f) => f.version === CURRENT_FORMAT_VERSION)!;
    await writeFile(join(env.folder, 'mlp.strata'), current.text);
    const reply = await session.handle('renderer:project.open', { path: 'mlp.strata' });
    expect(reply).toMatchObject({
      ok: true,
      result: { path: 'mlp.strata', stamp: sha256(current.text), warnings: [] },
    });
    const opened = reply.ok ? (reply.result as { document: { name: string } }) : null;
    expect(opened?.document.name).toBe(JSON.parse(current.text).name);
  });

  it('warns that an old file was upgraded', async () => {
    const v1 = fixtureFiles.find((f) => f.version === 1)!;
    await writeFile(join(env.folder, 'old.strata'), v1.text);
    const reply = await session.handle('renderer:project.open', { path: 'old.strata' });
    expect(reply.ok && (reply.result as { warnings: string[] }).warnings[0]).toMatch(/format 1/);
  });

  it('names the file and the problem when it is not a project', async () => {
    await writeFile(join(env.folder, 'bad.strata'), '{"formatVersion": "two"}');
    const reply = await session.handle('renderer:project.open', { path: 'bad.strata' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-project' } });
    expect(!reply.ok && reply.error.message).toMatch(/bad\.strata.*formatVersion/);
  });

  it('reports a missing file as not-found', async () => {
    const reply = await session.handle('renderer:project.open', { path: 'none.strata' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('needs a path when there are no native dialogs', async () => {
    const reply = await session.handle('renderer:project.open', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('returns null when the user cancels the open dialog', async () => {
    const cancelled = createSession({
      ...env.host,
      dialogs: { chooseOpenPath: async () => null, chooseSavePath: async () => null },
    });
    expect(await cancelled.handle('renderer:project.open', {})).toEqual({ ok: true, result: null });
  });
});

describe('saving a project', () => {
  it('writes the file and returns the stamp of exactly the bytes written, leaving no temporary file', async () => {
    const reply = await session.handle('renderer:project.save', {
      path: 'new.strata',
      document: document(),
      baseStamp: null,
    });
    const bytes = await readFile(join(env.folder, 'new.strata'));
    expect(reply).toEqual({
      ok: true,
      result: { status: 'saved', path: 'new.strata', stamp: sha256(bytes) },
    });
    expect(await readdir(env.folder)).toEqual(['new.strata']);
  });

  it('refuses to overwrite a file changed on disk since it was read, unless forced', async () => {
    const first = await session.handle('renderer:project.save', {
      path: 'p.strata',
      document: document(),
      baseStamp: null,
    });
    const stamp = first.ok ? (first.result as { stamp: string }).stamp : '';
    await writeFile(join(env.folder, 'p.strata'), 'someone else wrote this');

    const again = await session.handle('renderer:project.save', {
      path: 'p.strata',
      document: document(),
      baseStamp: stamp,
    });
    expect(again).toEqual({ ok: true, result: { status: 'conflict', path: 'p.strata' } });
    expect(await readFile(join(env.folder, 'p.strata'), 'utf8')).toBe('someone else wrote this');

    const forced = await session.handle('renderer:project.save', {
      path: 'p.strata',
      document: document(),
      baseStamp: stamp,
      force: true,
    });
    expect(forced).toMatchObject({ ok: true, result: { status: 'saved' } });
  });

  it('treats saving a new document over an existing file as a conflict', async () => {
    await writeFile(join(env.folder, 'taken.strata'), 'precious');
    const reply = await session.handle('renderer:project.save', {
      path: 'taken.strata',
      document: document(),
      baseStamp: null,
    });
    expect(reply).toMatchObject({ ok: true, result: { status: 'conflict' } });
  });

  it('saves again after its own save without a conflict', async () => {
    const first = await session.handle('renderer:project.save', {
      path: 'p.strata',
      document: document(),
      baseStamp: null,
    });
    const stamp = first.ok ? (first.result as { stamp: string }).stamp : '';
    const second = await session.handle('renderer:project.save', {
      path: 'p.strata',
      document: document(),
      baseStamp: stamp,
    });
    expect(second).toMatchObject({ ok: true, result: { status: 'saved' } });
  });

  it('refuses an invalid document and names the bad field, writing nothing', async () => {
    const reply = await session.handle('renderer:project.save', {
      path: 'x.strata',
      document: { ...document(), name: 42 },
      baseStamp: null,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-project' } });
    expect(!reply.ok && reply.error.message).toContain('name');
    expect(await readdir(env.folder)).toEqual([]);
  });

  it('refuses a file name without the project extension', async () => {
    const reply = await session.handle('renderer:project.save', {
      path: 'x.json',
      document: document(),
      baseStamp: null,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('adds the extension to a name chosen in the save dialog, and reports cancel', async () => {
    let answer: string | null = join(env.folder, 'chosen');
    const withDialogs = createSession({
      ...env.host,
      dialogs: { chooseOpenPath: async () => null, chooseSavePath: async () => answer },
    });
    const saved = await withDialogs.handle('renderer:project.save', {
      document: document(),
      baseStamp: null,
    });
    expect(saved).toMatchObject({ ok: true, result: { status: 'saved', path: 'chosen.strata' } });
    answer = null;
    const cancelled = await withDialogs.handle('renderer:project.save', {
      document: document(),
      baseStamp: null,
    });
    expect(cancelled).toEqual({ ok: true, result: { status: 'cancelled' } });
    withDialogs.dispose();
  });
});
