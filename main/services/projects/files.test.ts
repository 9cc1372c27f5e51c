import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../shared/project/fixtures.js';
import { loadProject } from '../../../shared/project/load.js';
import type { Project } from '../../../shared/project/schema.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import type { AtomicFileSystem } from '../storage/atomic-file.js';
import { readProject, writeProject } from './files.js';

const sample = (): Project => {
  const loaded = loadProject(fixtureFiles.find((f) => f.version === 2)!.text);
  if (!loaded.ok) throw new Error('fixture does not load');
  return loaded.project;
};

let folder: string;
beforeEach(async () => {
  folder = await fsp.mkdtemp(join(tmpdir(), 'strata-projects-'));
});
afterEach(async () => {
  await fsp.rm(folder, { recursive: true, force: true });
});

/** A disk that fills up halfway through writing the temporary file. */
const diskFullHalfway: AtomicFileSystem = {
  ...fsp,
  open: (async (...args: Parameters<typeof fsp.open>) => {
    const handle = await fsp.open(...args);
    return Object.assign(Object.create(handle), {
      writeFile: async (text: string) => {
        await handle.write(text.slice(0, text.length / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      close: () => handle.close(),
    });
  }) as typeof fsp.open,
};

describe('project files on disk', () => {
  it('reads back exactly the project it wrote', async () => {
    const path = join(folder, 'digits.strata');
    expect(await writeProject(path, sample())).toEqual({ ok: true });
    const read = await readProject(path);
    expect(read.ok && read.project).toEqual(sample());
    expect(await fsp.readFile(path, 'utf8')).toBe(serializeProject(sample()));
  });

  it('replaces an existing file and leaves no temporary files behind', async () => {
    const path = join(folder, 'digits.strata');
    await writeProject(path, sample());
    await writeProject(path, { ...sample(), name: 'Renamed' });
    expect(await fsp.readdir(folder)).toEqual(['digits.strata']);
    const read = await readProject(path);
    expect(read.ok && read.project.name).toBe('Renamed');
  });

  it('keeps the old file intact when the disk fills up mid-write', async () => {
    const path = join(folder, 'digits.strata');
    await writeProject(path, sample());
    const before = await fsp.readFile(path, 'utf8');
    const result = await writeProject(path, { ...sample(), name: 'Lost' }, diskFullHalfway);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('ENOSPC') });
    expect(await fsp.readFile(path, 'utf8')).toBe(before);
    expect(await fsp.readdir(folder)).toEqual(['digits.strata']);
  });

  it('keeps the old file intact when the final rename fails', async () => {
    const path = join(folder, 'digits.strata');
    await writeProject(path, sample());
    const before = await fsp.readFile(path, 'utf8');
    const failingRename = {
      ...fsp,
      rename: () => Promise.reject(new Error('EXDEV: rename failed')),
    };
    const result = await writeProject(path, { ...sample(), name: 'Lost' }, failingRename);
    expect(result.ok).toBe(false);
    expect(await fsp.readFile(path, 'utf8')).toBe(before);
    expect(await fsp.readdir(folder)).toEqual(['digits.strata']);
  });

  it('reports a missing file as an error value naming the path', async () => {
    const path = join(folder, 'missing.strata');
    const result = await readProject(path);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].message).toContain(path);
  });

  it('refuses a file from a newer version without touching it', async () => {
    const path = join(folder, 'future.strata');
    const text = JSON.stringify({ formatVersion: 99, name: 'future', models: 'new layout' });
    await fsp.writeFile(path, text);
    const { mtimeMs } = await fsp.stat(path);
    const result = await readProject(path);
    expect(!result.ok && result.errors[0].message).toMatch(/newer Strata/);
    expect(await fsp.readFile(path, 'utf8')).toBe(text);
    expect((await fsp.stat(path)).mtimeMs).toBe(mtimeMs);
  });
});
