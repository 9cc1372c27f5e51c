import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempFolder(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strata-datasets-'));
    made.push(dir);
    return dir;
  };
}

/** An IDX file: zero, zero, type code, rank, big-endian dims, then the bytes given. */
export function idxBytes(type: number, dims: number[], values: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + dims.length * 4);
  header[2] = type;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + i * 4));
  return Buffer.concat([header, values]);
}
