import * as fsp from 'node:fs/promises';
import { loadProject, type LoadResult } from '../../../shared/project/load.js';
import type { Project } from '../../../shared/project/schema.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import { writeFileAtomic, type AtomicFileSystem } from '../storage/atomic-file.js';

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

/** Saves a project atomically (see writeFileAtomic): a crash or full disk never leaves half a file. */
export async function writeProject(
  path: string,
  project: Project,
  fs?: AtomicFileSystem,
): Promise<WriteResult> {
  try {
    await writeFileAtomic(path, serializeProject(project), fs);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `cannot save ${path}: ${describe(error)}` };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
