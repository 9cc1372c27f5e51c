import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadProject, type LoadResult } from '../../../shared/project/load.js';
import type { Project } from '../../../shared/project/schema.js';
import { serializeProject } from '../../../shared/project/serialize.js';

/** The file-system calls a save makes; tests swap them to simulate a failing disk. */
export interface SaveFileSystem {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
}

/** Reads and loads a `.strata` file. A missing or unreadable file is an error value, not a throw. */
export async function readProject(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await fsp.readFile(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '', message: `cannot read ${path}: ${describe(error)}` }],
    };
  }
  return loadProject(text);
}

export type WriteResult = { ok: true } | { ok: false; message: string };

/**
 * Saves a project atomically: the text goes to a temporary file in the same folder, is flushed
 * to disk, and only then renamed over `path`, so a crash or full disk never leaves half a file.
 */
export async function writeProject(
  path: string,
  project: Project,
  fs: SaveFileSystem = fsp,
): Promise<WriteResult> {
  // Same folder, so the rename stays on one file system and is atomic.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(serializeProject(project), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
    return { ok: true };
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, message: `cannot save ${path}: ${describe(error)}` };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
