import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absolutePaths, confinedPaths } from './paths.js';

let base: string;
let folder: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'strata-paths-'));
  folder = join(base, 'served');
  await mkdir(join(folder, 'sub'), { recursive: true });
  await mkdir(join(base, 'secret'));
  await symlink(join(base, 'secret'), join(folder, 'escape'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('confined paths (strata serve)', () => {
  it('resolves relative paths inside the folder and shows them relative with slashes', async () => {
    const paths = confinedPaths(folder);
    const reply = await paths.resolve('sub/a.strata');
    expect(reply).toEqual({ ok: true, result: join(folder, 'sub', 'a.strata') });
    expect(paths.present(join(folder, 'sub', 'a.strata'))).toBe('sub/a.strata');
  });

  it('accepts an absolute path that lies inside the folder', async () => {
    const reply = await confinedPaths(folder).resolve(join(folder, 'b.strata'));
    expect(reply.ok).toBe(true);
  });

  it.each(['../x.strata', 'sub/../../x.strata', '/etc/passwd', '..'])(
    'refuses %s, which leaves the folder, naming the path',
    async (path) => {
      const reply = await confinedPaths(folder).resolve(path);
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('forbidden-path');
        expect(reply.error.message).toContain(path);
      }
    },
  );

  it('refuses a path through a symbolic link that points outside the folder', async () => {
    const reply = await confinedPaths(folder).resolve('escape/new.strata');
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
  });

  it('does not mistake a name starting with two dots for the parent folder', async () => {
    const reply = await confinedPaths(folder).resolve('..notes.strata');
    expect(reply.ok).toBe(true);
  });

  it('shows nothing for a file outside the folder', () => {
    expect(confinedPaths(folder).present(join(base, 'secret', 'x.strata'))).toBeNull();
  });
});

describe('absolute paths (desktop app)', () => {
  it('takes absolute paths and refuses relative ones', async () => {
    const paths = absolutePaths();
    expect(await paths.resolve(join(base, 'any.strata'))).toEqual({
      ok: true,
      result: join(base, 'any.strata'),
    });
    expect(await paths.resolve('any.strata')).toMatchObject({
      ok: false,
      error: { code: 'forbidden-path' },
    });
  });
});
