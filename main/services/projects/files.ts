import * as fsp from 'node:fs/promises';
import { thousands } from '../../../shared/graph/message-text.js';
import { PROJECT_LIMITS } from '../../../shared/project/limits.js';
import { loadProject, type LoadResult } from '../../../shared/project/load.js';
import type { Project } from '../../../shared/project/schema.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import { writeFileAtomic, type AtomicFileSystem } from '../storage/atomic-file.js';

/** Reads and loads a `.strata` file. A missing or unreadable file is an error value, not a throw. */
export async function readProject(path: string): Promise<LoadResult> {
  let text: string;
  try {
    // A file over the size limit is refused before it is read into memory.
    const { size } = await fsp.stat(path);
    if (size > PROJECT_LIMITS.fileBytes) {
      const message = `${path} is ${thousands(size)} bytes; the limit for a project file is ${thousands(PROJECT_LIMITS.fileBytes)}`;
      return { ok: false, errors: [{ path: '', message }] };
    }
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
