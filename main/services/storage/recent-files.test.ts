import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECENT_LIMIT, RecentFiles } from './recent-files.js';

let dir: string;
const touch = async (name: string) => {
  await writeFile(join(dir, name), '');
  return join(dir, name);
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-recent-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('recent files', () => {
  it('keeps each path once, newest first, up to the limit', async () => {
    const recent = new RecentFiles(join(dir, 'user'));
    const files = await Promise.all(
      Array.from({ length: RECENT_LIMIT + 2 }, (_, i) => touch(`${i}.strata`)),
    );
    for (const file of files) await recent.add(file);
    await recent.add(files[5]!);
    const listed = await recent.list();
    expect(listed).toHaveLength(RECENT_LIMIT);
    expect(listed[0]).toBe(files[5]);
    expect(listed[1]).toBe(files.at(-1));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('loses no entry when many adds run at once', async () => {
    const recent = new RecentFiles(join(dir, 'user'));
    const files = await Promise.all(['a', 'b', 'c', 'd'].map((n) => touch(`${n}.strata`)));
    await Promise.all(files.map((f) => recent.add(f)));
    expect((await recent.list()).sort()).toEqual([...files].sort());
  });

  it('leaves out files that were deleted and survives a damaged list', async () => {
    const recent = new RecentFiles(join(dir, 'user'));
    await recent.add(join(dir, 'gone.strata'));
    expect(await recent.list()).toEqual([]);
    await writeFile(join(dir, 'user', 'recent.json'), '{not json');
    expect(await recent.list()).toEqual([]);
    const kept = await touch('kept.strata');
    await recent.add(kept);
    expect(await recent.list()).toEqual([kept]);
  });
});
