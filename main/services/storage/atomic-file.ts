import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write makes; tests swap them to simulate a failing disk. */
export interface AtomicFileSystem {
  mkdir: typeof fsp.mkdir;
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
}

/**
 * Writes `text` (or bytes) to `path` so that readers see the old file or the new one, never half of
 * either: write a temporary file beside it, flush it, then rename it over the target.
 * Creates the folder if needed. Throws the file system's error, which names the path.
 */
export async function writeFileAtomic(
  path: string,
  text: string | Uint8Array,
  fs: AtomicFileSystem = fsp,
): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
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
  }
}
