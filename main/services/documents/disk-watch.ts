import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { stampOf } from './stamp.js';

/** Waits for a burst of writes (editors save in several steps) to settle before comparing. */
const SETTLE_MS = 150;

/**
 * Watches one project file and calls `onChange` when its contents differ from the stamp the
 * session last read or wrote. Watches the folder, not the file: an atomic save replaces the
 * file, and a watch on the old file would go quiet.
 */
export class DiskWatch {
  private known: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly watcher: ReturnType<typeof watch> | null;

  constructor(
    readonly file: string,
    stamp: string | null,
    private readonly onChange: () => void,
  ) {
    this.known = stamp;
    let watcher: ReturnType<typeof watch> | null = null;
    try {
      watcher = watch(dirname(file), (_event, name) => {
        if (name === null || name.toString() === basename(file)) this.schedule();
      });
      watcher.on('error', () => this.close());
    } catch {
      // A folder we cannot watch (network drive, permissions): saving still checks the stamp.
    }
    this.watcher = watcher;
  }

  /** Records the stamp the session itself just wrote, so its own save is not reported. */
  acknowledge(stamp: string): void {
    this.known = stamp;
  }

  /** Stops watching. */
  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.compare(), SETTLE_MS);
  }

  private async compare(): Promise<void> {
    const current = await readFile(this.file).then(stampOf, () => null);
    if (current !== null && current !== this.known) {
      this.known = current;
      this.onChange();
    }
  }
}
