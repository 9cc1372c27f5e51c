import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';

/** How many paths File › Open Recent keeps. */
export const RECENT_LIMIT = 10;

/**
 * The recently opened and saved projects, newest first, kept in `recent.json` in the user-data
 * folder. Updates are queued so two windows saving at once cannot lose each other's entry.
 */
export class RecentFiles {
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  /** `onChange` runs after each update, e.g. to rebuild File › Open Recent. */
  constructor(
    userDataDir: string,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.file = join(userDataDir, 'recent.json');
  }

  /** Moves `path` (absolute) to the front of the list. */
  add(path: string): Promise<void> {
    return this.update((paths) => [path, ...paths.filter((p) => p !== path)]);
  }

  /** Drops `path` from the list, e.g. after it failed to open. */
  remove(path: string): Promise<void> {
    return this.update((paths) => paths.filter((p) => p !== path));
  }

  /** Empties the list (File › Open Recent › Clear). */
  clear(): Promise<void> {
    return this.update(() => []);
  }

  /** The paths, newest first, leaving out files that no longer exist. */
  async list(): Promise<string[]> {
    await this.queue;
    const paths = await this.read();
    const exists = await Promise.all(
      paths.map((p) =>
        stat(p).then(
          (s) => s.isFile(),
          () => false,
        ),
      ),
    );
    return paths.filter((_, i) => exists[i]);
  }

  private update(change: (paths: string[]) => string[]): Promise<void> {
    const next = this.queue.then(async () => {
      const paths = change(await this.read()).slice(0, RECENT_LIMIT);
      await writeFileAtomic(this.file, `${JSON.stringify({ paths }, null, 2)}\n`);
      this.onChange();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A missing or damaged file is an empty list: the list is a convenience, not a record. */
  private async read(): Promise<string[]> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as { paths?: unknown };
      return Array.isArray(data.paths) ? data.paths.filter((p) => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }
}
