import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Which process stopped. */
export type CrashKind = 'renderer' | 'trainer';

/** One line of the crash log. @public */
export interface CrashRecord {
  /** ISO time. */
  at: string;
  kind: CrashKind;
  /** What the process reported: Electron's reason, an exit code, an error's message. */
  reason: string;
  /** The project the window or run had open, when known. */
  project?: string;
}

/** The log is cut to its newer half once it reaches this size: a crash loop cannot fill a disk. */
const MAX_BYTES = 1024 * 1024;

/**
 * Crashes of the app's processes, one JSON line each, in `crashes.log` under the OS's log folder
 * for the app (Electron's `app.getPath('logs')`). Writing never throws: a log that cannot be
 * written must not turn a crash into a second one.
 */
export class CrashLog {
  readonly file: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly folder: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = join(folder, 'crashes.log');
  }

  /** Appends one record (in order with earlier ones); resolves once it is on disk, or failed. */
  record(kind: CrashKind, reason: string, project?: string): Promise<void> {
    const entry: CrashRecord = { at: this.now().toISOString(), kind, reason, project };
    this.queue = this.queue.then(() => this.append(entry)).catch(() => undefined);
    return this.queue;
  }

  /** Every readable record, oldest first. */
  async read(): Promise<CrashRecord[]> {
    const text = await readFile(this.file, 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as CrashRecord];
        } catch {
          return [];
        }
      });
  }

  private async append(entry: CrashRecord): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const size = await stat(this.file).then(
      (s) => s.size,
      () => 0,
    );
    if (size >= MAX_BYTES) {
      const text = await readFile(this.file, 'utf8');
      const half = text.slice(text.length - MAX_BYTES / 2);
      await writeFile(this.file, half.slice(half.indexOf('\n') + 1));
    }
    await appendFile(this.file, `${JSON.stringify(entry)}\n`);
  }
}
