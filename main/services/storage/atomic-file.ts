import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write makes; tests swap them to simulate a failing disk. */
export interface AtomicFileSystem {
  mkdir: typeof fsp.mkdir;
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
  readdir: typeof fsp.readdir;
  stat: typeof fsp.stat;
}

/**
 * A temporary file untouched for this long belongs to a save that was killed: a live save
 * writes, flushes and renames its file in well under this time, and writing keeps its
 * modification time fresh.
 */
export const STALE_TEMP_MS = 2 * 60 * 1000;

/** Temporary files of saves under way in this process, which a cleanup never removes. */
const inFlight = new Set<string>();

/** `.<name>.<12 hex digits>.tmp`: the temporary files this module writes beside `<name>`. */
const tempName = (name: string) => `.${name}.${randomBytes(6).toString('hex')}.tmp`;

function isTempOf(file: string, name: string): boolean {
  const prefix = `.${name}.`;
  return (
    file.length === prefix.length + 16 &&
    file.startsWith(prefix) &&
    /^[0-9a-f]{12}\.tmp$/.test(file.slice(prefix.length))
  );
}

/**
 * Writes `text` (or bytes) to `path` so that readers see the old file or the new one, never half of
 * either: write a temporary file beside it, flush it, then rename it over the target.
 * Creates the folder if needed. Throws the file system's error, which names the path.
 * Afterwards removes temporary files that killed saves of the same target left behind.
 */
export async function writeFileAtomic(
  path: string,
  text: string | Uint8Array,
  fs: AtomicFileSystem = fsp,
): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), tempName(basename(path)));
  inFlight.add(temp);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  await removeStaleTemps(path, fs);
}

/**
 * Removes `path`'s temporary files left by saves that were killed before their rename: only
 * names of this module's own pattern for this very target, only when no save in this process
 * holds them and they are older than {@link STALE_TEMP_MS} (another process may be saving the
 * same file right now). Best effort: the save has already succeeded, so failures are ignored.
 */
async function removeStaleTemps(path: string, fs: AtomicFileSystem): Promise<void> {
  const folder = dirname(path);
  const name = basename(path);
  try {
    const now = Date.now();
    for (const file of await fs.readdir(folder)) {
      const temp = join(folder, file);
      if (!isTempOf(file, name) || inFlight.has(temp)) continue;
      const { mtimeMs } = await fs.stat(temp).catch(() => ({ mtimeMs: now }));
      if (now - mtimeMs > STALE_TEMP_MS) await fs.rm(temp, { force: true }).catch(() => {});
    }
  } catch {
    // The folder could not be listed: leave any leftovers for the next save.
  }
}
