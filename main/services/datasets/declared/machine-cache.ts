import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-machine folder downloads are kept in, so each well-known set is fetched once per
 * machine whichever project uses it. `STRATA_CACHE_DIR` overrides it.
 */
export function machineCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.STRATA_CACHE_DIR) return env.STRATA_CACHE_DIR;
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Strata', 'Cache');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'Strata');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'strata');
}

/** Where a downloadable set's files are kept on this machine. */
export function downloadFolder(set: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(machineCacheDir(env), 'downloads', set);
}
