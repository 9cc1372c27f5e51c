import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrashLog } from './crash-log.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-crash-log-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('the crash log', () => {
  it('appends one JSON line per crash, in order, creating its folder', async () => {
    const log = new CrashLog(join(folder, 'logs'), () => new Date('2026-12-02T10:00:00Z'));
    void log.record('renderer', 'crashed (exit code 133)', '/p/digits.strata');
    await log.record('trainer', 'exit code 9');
    expect(await log.read()).toEqual([
      {
        at: '2026-12-02T10:00:00.000Z',
        kind: 'renderer',
        reason: 'crashed (exit code 133)',
        project: '/p/digits.strata',
      },
      { at: '2026-12-02T10:00:00.000Z', kind: 'trainer', reason: 'exit code 9' },
    ]);
    expect((await readFile(log.file, 'utf8')).split('\n')).toHaveLength(3);
  });

  it('keeps its newer half once it reaches a megabyte, so a crash loop cannot fill the disk', async () => {
    const log = new CrashLog(folder);
    await writeFile(log.file, `${'{"old":1}\n'.repeat(110_000)}`);
    await log.record('trainer', 'the newest');
    expect((await stat(log.file)).size).toBeLessThanOrEqual(600_000);
    const records = await log.read();
    expect(records.at(-1)).toMatchObject({ kind: 'trainer', reason: 'the newest' });
  });

  it('never throws when the folder cannot be written', async () => {
    const blocked = join(folder, 'a-file');
    await writeFile(blocked, '');
    await expect(
      new CrashLog(join(blocked, 'logs')).record('renderer', 'x'),
    ).resolves.toBeUndefined();
  });
});
