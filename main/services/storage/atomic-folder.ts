import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let made = 0;

/** A hidden sibling of `dir` for a folder of ours (`.out.123-1700000000000-1.tmp`), unique per call. */
export function siblingPath(dir: string, suffix: string): string {
  made += 1;
  return join(dirname(dir), `.${basename(dir)}.${process.pid}-${Date.now()}-${made}.${suffix}`);
}

/**
 * Moves the complete folder `fresh` to `dir`. An existing `dir` is renamed aside first and removed
 * only once `fresh` stands in its place; if that fails, it is put back. Only for a `dir` that
 * Strata owns: whatever was in it is gone afterwards.
 */
export async function replaceFolder(fresh: string, dir: string): Promise<void> {
  const aside = siblingPath(dir, 'old');
  let movedAside = false;
  try {
    await rename(dir, aside);
    movedAside = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(fresh, dir);
  } catch (error) {
    if (movedAside) await rename(aside, dir);
    throw error;
  }
  if (movedAside) await rm(aside, { recursive: true, force: true });
}

/**
 * Fills a folder of Strata's own (a checkpoint, a saved model) so that it appears whole or not at
 * all: `fill` writes into a temporary sibling, which then replaces `dir` (see replaceFolder). If
 * `fill` throws, the temporary folder is removed and `dir` is left as it was.
 */
export async function writeFolderAtomic<T>(
  dir: string,
  fill: (temporary: string) => Promise<T>,
): Promise<T> {
  await mkdir(dirname(dir), { recursive: true });
  const temporary = siblingPath(dir, 'tmp');
  await mkdir(temporary);
  try {
    const result = await fill(temporary);
    await replaceFolder(temporary, dir);
    return result;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
