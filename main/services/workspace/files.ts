import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_EXTENSION } from '../../../shared/project/schema.js';
import type { PathPolicy } from './paths.js';

/** A project file found in the workspace folder. */
export interface ListedFile {
  path: string;
  /** Last modification, in milliseconds since the epoch. */
  modified: number;
}

/** How deep and how many: a served home folder must not make one request walk the whole disk. */
const MAX_DEPTH = 6;
const MAX_FILES = 2000;

/** Projects, and models Open imports into a new project (ONNX files, TF.js model.json). */
const listed = (name: string) =>
  name.endsWith(PROJECT_EXTENSION) || name.endsWith('.onnx') || name === 'model.json';

/**
 * The `.strata` files (and importable models) under the policy's folder, sorted by path; hidden folders and
 * `node_modules` are skipped. Without a folder (the desktop app) there is nothing to list.
 */
export async function listProjectFiles(paths: PathPolicy): Promise<ListedFile[]> {
  if (paths.root === null) return [];
  const found: ListedFile[] = [];
  await walk(paths.root, 0, paths, found);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walk(dir: string, depth: number, paths: PathPolicy, found: ListedFile[]) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (found.length >= MAX_FILES) return;
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    // A project's runs hold copies of it and their models: not files to open.
    if (entry.isDirectory() && entry.name.endsWith('.runs')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH) {
      await walk(full, depth + 1, paths, found);
    } else if (entry.isFile() && listed(entry.name)) {
      const shown = paths.present(full);
      const info = await stat(full).catch(() => null);
      if (shown !== null && info) found.push({ path: shown, modified: info.mtimeMs });
    }
  }
}
