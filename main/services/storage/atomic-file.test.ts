import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_TEMP_MS, writeFileAtomic, type AtomicFileSystem } from './atomic-file.js';

let folder = '';
beforeEach(async () => {
  folder = await fsp.mkdtemp(join(tmpdir(), 'strata-atomic-'));
});
afterEach(async () => {
  await fsp.rm(folder, { recursive: true, force: true });
});

/** Creates `name` in the folder, last modified `ageMs` ago. */
async function leftover(name: string, ageMs: number): Promise<string> {
  const path = join(folder, name);
  await fsp.writeFile(path, 'half a save');
  const when = new Date(Date.now() - ageMs);
  await fsp.utimes(path, when, when);
  return path;
}

const listing = async () => (await fsp.readdir(folder)).sort();
const old = STALE_TEMP_MS + 60_000;

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const path = join(folder, 'p.strata');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(await fsp.readFile(path, 'utf8')).toBe('two');
    expect(await listing()).toEqual(['p.strata']);
  });

  it("removes stale temporary files of killed saves of the same file, and nobody else's", async () => {
    await leftover('.p.strata.0123456789ab.tmp', old); // a killed save of p.strata
    const kept = [
      '.p.strata.fedcba987654.tmp', // a save in another process, under way right now
      '.q.strata.0123456789ab.tmp', // another file's
      '.p.strata.backup.tmp', // not our pattern
      'p.strata.0123456789ab.tmp', // not our pattern
      'notes.tmp',
    ];
    await leftover(kept[0], 1_000);
    for (const name of kept.slice(1)) await leftover(name, old);

    await writeFileAtomic(join(folder, 'p.strata'), 'saved');
    expect(await listing()).toEqual([...kept, 'p.strata'].sort());
  });

  it('never removes the temporary file of a save under way in this process', async () => {
    const path = join(folder, 'p.strata');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let stalled!: () => void;
    const atStall = new Promise<void>((resolve) => (stalled = resolve));
    let heldTemp = '';
    // The first save stalls after writing, its file as old as a killed save's.
    const slowDisk: AtomicFileSystem = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        heldTemp = String(args[0]);
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          await sync();
          const when = new Date(Date.now() - old);
          await fsp.utimes(heldTemp, when, when);
          stalled();
          await held;
        };
        return handle;
      }) as typeof fsp.open,
    };
    const slow = writeFileAtomic(path, 'first', slowDisk);
    await atStall;

    await writeFileAtomic(path, 'second');
    await fsp.access(heldTemp); // still there
    release();
    await slow;
    expect(await fsp.readFile(path, 'utf8')).toBe('first');
    expect(await listing()).toEqual(['p.strata']);
  });
});
