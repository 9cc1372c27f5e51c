import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetIssue } from '../dataset.js';
import { describe } from '../import/read-file.js';

/** One file of a downloadable dataset and the checksum it must match. */
export interface RemoteFile {
  url: string;
  /** Name of the file in the cache folder. */
  name: string;
  sha256: string;
}

/** Bytes received so far for one file; `total` when the server sent a length. */
export interface DownloadProgress {
  file: string;
  received: number;
  total?: number;
}

/** A cached, verified file's path, or why there is none. */
export type FetchResult = { ok: true; path: string } | { ok: false; issue: DatasetIssue };

/**
 * Fetches a file into the cache folder unless it is already there. Bytes go to a temporary file,
 * hashed on the way; only a file whose sha256 matches is renamed into place, so an interrupted or
 * corrupted download never looks like a cached one and the next attempt simply starts again.
 */
export async function fetchVerified(
  remote: RemoteFile,
  cacheDir: string,
  onProgress?: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
  idleTimeoutMs = 30_000,
): Promise<FetchResult> {
  const path = join(cacheDir, remote.name);
  if (await exists(path)) return { ok: true, path };
  if (signal?.aborted) return cancelled(remote);
  // A connection that goes quiet is given up after idleTimeoutMs instead of hanging forever.
  const idle = new AbortController();
  let timer = setTimeout(() => idle.abort(), idleTimeoutMs);
  const stillAlive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), idleTimeoutMs);
  };
  const aborted = signal ? AbortSignal.any([signal, idle.signal]) : idle.signal;
  const temp = join(cacheDir, `.${remote.name}.${randomBytes(6).toString('hex')}.part`);
  const fail = async (message: string): Promise<FetchResult> => {
    await rm(temp, { force: true });
    return { ok: false, issue: { severity: 'error', message, location: { file: remote.url } } };
  };
  try {
    await mkdir(cacheDir, { recursive: true });
    const response = await fetch(remote.url, { signal: aborted });
    stillAlive();
    if (!response.ok || !response.body) {
      return fail(`download failed: HTTP ${response.status} ${response.statusText}`);
    }
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : undefined;
    const hash = createHash('sha256');
    const out = createWriteStream(temp);
    let received = 0;
    try {
      for await (const chunk of response.body) {
        stillAlive();
        hash.update(chunk);
        received += chunk.length;
        if (!out.write(chunk))
          await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        onProgress?.({ file: remote.name, received, total });
      }
    } finally {
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
    const digest = hash.digest('hex');
    if (digest !== remote.sha256.toLowerCase()) {
      return fail(
        `checksum mismatch for ${remote.name}: expected sha256 ${remote.sha256}, got ${digest}; the file was discarded`,
      );
    }
    await rename(temp, path);
    return { ok: true, path };
  } catch (error) {
    if (signal?.aborted) {
      await rm(temp, { force: true });
      return cancelled(remote);
    }
    if (idle.signal.aborted) {
      return fail(
        `download stalled: no data from ${new URL(remote.url).host} for ${idleTimeoutMs / 1000} s; check the connection and try again`,
      );
    }
    return fail(networkMessage(remote, cacheDir, error));
  } finally {
    clearTimeout(timer);
  }
}

/** The user cancelled: nothing was kept. */
function cancelled(remote: RemoteFile): FetchResult {
  const issue = {
    severity: 'error' as const,
    message: 'download cancelled',
    location: { file: remote.url },
  };
  return { ok: false, issue };
}

const OFFLINE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** fetch's bare "fetch failed" made plain: which host could not be reached, and what to do. */
function networkMessage(remote: RemoteFile, cacheDir: string, error: unknown): string {
  type Cause = { code?: string; errors?: { code?: string }[] } | undefined;
  const cause = error instanceof Error ? (error.cause as Cause) : undefined;
  // Several addresses tried (IPv4 and IPv6) come back as an AggregateError of their own.
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (code && OFFLINE.has(code)) {
    return `cannot reach ${new URL(remote.url).host} (${code}): this machine seems to be offline or the server is down. Connect to the internet and try again, or put ${remote.name} into ${cacheDir} yourself`;
  }
  return `download failed: ${describe(error)}${code ? ` (${code})` : ''}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
