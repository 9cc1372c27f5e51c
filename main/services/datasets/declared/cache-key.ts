import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetPaths, type DeclaredDataset } from '../../../../shared/project/datasets.js';

/** Bump when the decoded form of any kind changes, so old caches are rebuilt. */
const DECODER_VERSION = 1;

/** Size and modification time of a file, or of every file below a folder, sorted by path. */
async function fingerprint(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [`${path}:missing`];
  if (!info.isDirectory()) return [`${path}:${info.size}:${info.mtimeMs}`];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const stats = await Promise.all(files.map((f) => stat(f)));
  return files.map((f, i) => `${f}:${stats[i].size}:${stats[i].mtimeMs}`);
}

/**
 * What the decoded cache of a (resolved) declaration depends on: how it is read and the exact
 * files it reads. Editing a file or an option gives a new key, and the cache is rebuilt.
 */
export async function cacheKey(resolved: DeclaredDataset): Promise<string> {
  const { id, kind, files, options } = resolved;
  const test = 'test' in resolved ? resolved.test : undefined;
  const prints = await Promise.all(datasetPaths(resolved).map(({ path }) => fingerprint(path)));
  const what = JSON.stringify({ DECODER_VERSION, id, kind, files, test, options, prints });
  return createHash('sha256').update(what).digest('hex');
}
