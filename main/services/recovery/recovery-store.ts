import { createHash } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic-file.js';

/** One autosaved copy of unsaved work. @public */
export interface RecoveryEntry {
  /** The renderer's id for the unsaved document (one per window or tab). */
  key: string;
  /** The project's file, or null when it was never saved. */
  path: string | null;
  /** The stamp of `path` the unsaved work started from (null when unknown or never saved). */
  stamp: string | null;
  /** When it was written, in milliseconds since the epoch. */
  saved: number;
  document: Record<string, unknown>;
}

/**
 * Autosaves of unsaved work in `recovery/` under the user-data folder, one file per key, so
 * a crash loses at most the last few seconds. Saving or closing a project discards its entry.
 */
export class RecoveryStore {
  private readonly dir: string;

  constructor(
    userDataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = join(userDataDir, 'recovery');
  }

  /** Writes (or replaces) the entry for `entry.key`. */
  async write(entry: Omit<RecoveryEntry, 'saved'>): Promise<void> {
    const record: RecoveryEntry = { ...entry, saved: this.now() };
    await writeFileAtomic(this.fileOf(entry.key), JSON.stringify(record));
  }

  /** Every readable entry, newest first; damaged files are skipped rather than failing the list. */
  async list(): Promise<RecoveryEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries = await Promise.all(
      names.filter((n) => n.endsWith('.json')).map((n) => this.read(join(this.dir, n))),
    );
    return entries.filter((e): e is RecoveryEntry => e !== null).sort((a, b) => b.saved - a.saved);
  }

  /** Removes the entry for `key`; discarding a missing entry is not an error. */
  async discard(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  /** Keys are the renderer's strings: hash them so no key can name a path. */
  private fileOf(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  private async read(file: string): Promise<RecoveryEntry | null> {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as Partial<RecoveryEntry>;
      const valid =
        typeof data.key === 'string' &&
        (typeof data.path === 'string' || data.path === null) &&
        typeof data.saved === 'number' &&
        typeof data.document === 'object' &&
        data.document !== null;
      // Entries written before stamps were kept read as "stamp unknown".
      return valid ? { ...(data as RecoveryEntry), stamp: data.stamp ?? null } : null;
    } catch {
      return null;
    }
  }
}
