import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAndConnect, type SocketClient } from './test-client.js';

let folder: string;
let client: SocketClient;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-serve-export-'));
  client = await serveAndConnect({
    folder,
    port: 0,
    rendererDir: join(folder, 'no-renderer'),
    version: '0.0.1',
    checkResponses: true,
  });
  const created = await client.call('renderer:templates.create', { name: 'mlp-mnist' });
  if (!created.ok) throw new Error(created.error.message);
  const { document } = created.result as { document: unknown };
  const saved = await client.call('renderer:project.save', {
    path: 'p.strata',
    document,
    baseStamp: null,
  });
  expect(saved).toMatchObject({ ok: true, result: { status: 'saved' } });
  await writeFile(join(folder, 'notes.txt'), 'notes');
});
afterAll(async () => {
  await client.close();
  await rm(folder, { recursive: true, force: true });
});

const exportTo = (outDir: string, extra: Record<string, unknown> = {}) =>
  client.call('renderer:export.run', { path: 'p.strata', format: 'onnx', outDir, ...extra });

describe('renderer:export.run through strata serve', () => {
  it('refuses the served folder itself (outDir ".") and keeps the project, a note and .strata/', async () => {
    const before = (await readdir(folder)).sort();
    expect(before).toEqual(expect.arrayContaining(['.strata', 'notes.txt', 'p.strata']));
    for (const replace of [false, true]) {
      expect(await exportTo('.', { replace })).toMatchObject({
        ok: true,
        result: {
          status: 'failed',
          message: expect.stringMatching(/^"\." holds files Strata did not write \(.*notes\.txt/),
        },
      });
    }
    expect((await readdir(folder)).sort()).toEqual(before);
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('notes');
  });

  it('asks before replacing an earlier export in a folder of its own, and replaces it when told', async () => {
    expect(await exportTo('exports/onnx')).toMatchObject({
      ok: true,
      result: { status: 'exported', models: [{ outDir: 'exports/onnx' }] },
    });
    expect(await exportTo('exports/onnx')).toMatchObject({
      ok: true,
      result: { status: 'confirm-replace', outDir: 'exports/onnx' },
    });
    expect(await exportTo('exports/onnx', { replace: true })).toMatchObject({
      ok: true,
      result: { status: 'exported' },
    });
    expect((await readdir(join(folder, 'exports', 'onnx'))).sort()).toEqual([
      'model.onnx',
      'strata-export.json',
    ]);
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['notes.txt', 'p.strata']));
  });

  it('checks the replace flag is a boolean', async () => {
    expect(await exportTo('exports/onnx', { replace: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/replace/) },
    });
  });
});
