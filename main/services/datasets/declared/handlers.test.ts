import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../api/session.js';
import { sampleProject, temporaryHost } from '../../api/test-host.js';
import { writeProject } from '../../projects/files.js';
import { idxBytes } from '../import/fixtures.test-util.js';

type Env = Awaited<ReturnType<typeof temporaryHost>>;
let env: Env | undefined;
afterEach(async () => env?.cleanup());

/** A served folder with a project and a small IDX pair beside it, and a session over it. */
async function served() {
  env = await temporaryHost();
  await mkdir(join(env.folder, 'data'), { recursive: true });
  await writeProject(join(env.folder, 'p.strata'), sampleProject());
  const labels = Uint8Array.from({ length: 12 }, (_, i) => i % 3);
  const pixels = new Uint8Array(12 * 16).map((_, i) => i % 256);
  await writeFile(join(env.folder, 'data', 'x.idx'), idxBytes(0x08, [12, 4, 4], pixels));
  await writeFile(join(env.folder, 'data', 'y.idx'), idxBytes(0x08, [12], labels));
  await writeFile(join(env.folder, 'data', 't.csv'), 'a,b,kind\n1,2,x\n3,4,y\n');
  const session = createSession(env.host);
  return { env, call: session.handle };
}

const idx = (images: string, labels = 'data/y.idx') => ({
  id: 'tiny',
  kind: 'idx',
  files: { images, labels },
  options: {},
});

describe('the Data panel over strata serve', () => {
  it('opens declared files beside the project and answers a preview, changing nothing on disk', async () => {
    const { env, call } = await served();
    const before = await readFile(join(env.folder, 'p.strata'), 'utf8');
    const reply = await call('renderer:data.inspect', {
      path: 'p.strata',
      dataset: idx('data/x.idx'),
    });
    expect(reply).toMatchObject({
      ok: true,
      result: {
        status: 'ok',
        declared: { id: 'tiny', summary: { inputShape: [4, 4, 1], examples: 12 } },
        preview: { histogram: [4, 4, 4], classNames: ['0', '1', '2'] },
      },
    });
    expect(await readFile(join(env.folder, 'p.strata'), 'utf8')).toBe(before);
  });

  it('answers a failed import with errors naming the file, not a thrown error', async () => {
    const { call } = await served();
    const reply = await call('renderer:data.inspect', {
      path: 'p.strata',
      dataset: idx('data/t.csv'),
    });
    expect(reply.ok && reply.result).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/t\.csv: not an IDX file/)],
    });
  });

  it('refuses data paths that leave the served folder', async () => {
    const { call } = await served();
    const reply = await call('renderer:data.inspect', {
      path: 'p.strata',
      dataset: idx('../../etc/passwd'),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
    const browse = await call('renderer:data.browse', { path: 'p.strata', folder: '..' });
    expect(browse).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
  });

  it('lists the files beside the project and previews a CSV header and rows', async () => {
    const { call } = await served();
    expect(await call('renderer:data.browse', { path: 'p.strata', folder: 'data' })).toEqual({
      ok: true,
      result: {
        folder: 'data',
        entries: [
          { name: 't.csv', kind: 'file' },
          { name: 'x.idx', kind: 'file' },
          { name: 'y.idx', kind: 'file' },
        ],
      },
    });
    expect(
      await call('renderer:data.csvPreview', { path: 'p.strata', file: 'data/t.csv' }),
    ).toEqual({
      ok: true,
      result: {
        status: 'ok',
        columns: ['a', 'b', 'kind'],
        rows: [
          ['1', '2', 'x'],
          ['3', '4', 'y'],
        ],
      },
    });
  });

  it('validates the payload against the contract', async () => {
    const { call } = await served();
    const reply = await call('renderer:data.inspect', {
      path: 'p.strata',
      dataset: { id: 'x', kind: 'zip' },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
