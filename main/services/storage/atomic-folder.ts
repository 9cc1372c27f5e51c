import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Fills a folder so that it appears whole or not at all: `fill` writes into a temporary sibling,
 * which then replaces `dir`. If `fill` throws, the temporary folder is removed and `dir` is left
 * as it was.
 */
export async function writeFolderAtomic<T>(
  dir: string,
  fill: (temporary: string) => Promise<T>,
): Promise<T> {
  await mkdir(dirname(dir), { recursive: true });
  const temporary = join(dirname(dir), `.${basename(dir)}.${process.pid}-${Date.now()}.tmp`);
  await mkdir(temporary);
  try {
    const result = await fill(temporary);
    await rm(dir, { recursive: true, force: true });
    await rename(temporary, dir);
    return result;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
