import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { failure } from '../../../shared/api/reply.js';
import type { Reply } from '../../../shared/api/reply.js';

/**
 * How a transport turns the renderer's paths into files. The desktop app takes absolute paths
 * (they come from native dialogs); `strata serve` confines every path to the served folder, so a
 * page that learns the token still cannot read or write outside it.
 */
export interface PathPolicy {
  /** The folder paths are confined to, or null when any absolute path is allowed. */
  readonly root: string | null;
  /** The absolute file a renderer path names, or why it is refused. */
  resolve(userPath: string): Promise<Reply<string>>;
  /** How the renderer sees an absolute path: relative to the root when confined; null if outside. */
  present(absolute: string): string | null;
}

/** Any absolute path, shown as is: the desktop app, where the user picks files in native dialogs. */
export function absolutePaths(): PathPolicy {
  return {
    root: null,
    async resolve(userPath) {
      if (!isAbsolute(userPath)) {
        return failure('forbidden-path', `"${userPath}" is not an absolute path.`);
      }
      return { ok: true, result: resolve(userPath) };
    },
    present: (absolute) => absolute,
  };
}

/** Paths relative to `folder` (absolute ones only if inside it), shown relative with `/`. */
export function confinedPaths(folder: string): PathPolicy {
  const root = resolve(folder);
  const realRoot = realpath(root).catch(() => root);
  return {
    root,
    async resolve(userPath) {
      const candidate = resolve(root, userPath);
      if (!isInside(root, candidate)) {
        return failure('forbidden-path', `"${userPath}" is outside the served folder ${root}.`);
      }
      // A symbolic link inside the folder may point out of it: check where the path really lands.
      const real = await realPathOfExistingPart(candidate);
      if (!isInside(await realRoot, real)) {
        return failure('forbidden-path', `"${userPath}" leads outside the served folder ${root}.`);
      }
      return { ok: true, result: candidate };
    },
    present(absolute) {
      return isInside(root, absolute) ? relative(root, absolute).split(sep).join('/') : null;
    },
  };
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path of the deepest existing ancestor, with the missing tail appended. */
async function realPathOfExistingPart(path: string): Promise<string> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      missing.push(current.slice(parent.length).replace(/^[\\/]/, ''));
      current = parent;
    }
  }
}
