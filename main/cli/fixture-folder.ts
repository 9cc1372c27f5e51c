import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards; returns a path maker inside it. */
export function useTempFolder(): (name: string) => string {
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'strata-cli-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  return (name) => join(folder, name);
}
