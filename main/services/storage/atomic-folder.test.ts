import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFolder, writeFolderAtomic } from './atomic-folder.js';

describe('writeFolderAtomic', () => {
  it('replaces the folder with everything the fill wrote', async () => {
    const root = await mkdtemp(join(tmpdir(), 'strata-folder-'));
    const dir = join(root, 'out');
    await writeFolderAtomic(dir, (t) => writeFile(join(t, 'old.txt'), 'old'));
    await writeFolderAtomic(dir, async (t) => {
      await writeFile(join(t, 'a.txt'), 'a');
      await writeFile(join(t, 'b.txt'), 'b');
    });
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.txt']);
    expect(await readdir(root)).toEqual(['out']);
  });

  it('leaves the old folder untouched and no temporary folder when the fill fails', async () => {
    const root = await mkdtemp(join(tmpdir(), 'strata-folder-'));
    const dir = join(root, 'out');
    await writeFolderAtomic(dir, (t) => writeFile(join(t, 'keep.txt'), 'keep'));
    const failing = writeFolderAtomic(dir, async (t) => {
      await writeFile(join(t, 'half.txt'), 'half');
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await readFile(join(dir, 'keep.txt'), 'utf8')).toBe('keep');
    expect(await readdir(root)).toEqual(['out']);
  });
});

describe('replaceFolder', () => {
  it('puts the old folder back when the new one cannot be moved in', async () => {
    const root = await mkdtemp(join(tmpdir(), 'strata-folder-'));
    const dir = join(root, 'out');
    await writeFolderAtomic(dir, (t) => writeFile(join(t, 'keep.txt'), 'keep'));
    await expect(replaceFolder(join(root, 'missing'), dir)).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(dir, 'keep.txt'), 'utf8')).toBe('keep');
    expect(await readdir(root)).toEqual(['out']);
  });
});
