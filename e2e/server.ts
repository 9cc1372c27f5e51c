import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** A `strata serve` process confined to its own temporary folder. */
export interface ServedFolder {
  /** The page URL, token included, exactly as the command printed it. */
  url: string;
  /** The folder the browser may open and save in. */
  folder: string;
  stop(): Promise<void>;
}

/** Resolves with the URL once `strata serve` prints its `Open <url>` line. */
function readUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`strata serve printed no URL within ${timeoutMs} ms.\n${out}${err}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Open (http:\/\/\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`strata serve exited with ${code} before printing its URL.\n${out}${err}`));
    });
  });
}

/** Starts `strata serve --port 0` on a fresh temporary folder (or the one given). */
export async function serveFolder(folder?: string): Promise<ServedFolder> {
  const dir = folder ?? (await mkdtemp(join(tmpdir(), 'strata-e2e-')));
  const child = spawn(
    process.execPath,
    [join(root, 'bin/strata.mjs'), 'serve', '--port', '0', '--folder', dir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let url: string;
  try {
    url = await readUrl(child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    folder: dir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (!folder) await rm(dir, { recursive: true, force: true });
    },
  };
}
