import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './io.js';
import { serveCommand } from './serve.js';

let folder: string;
const io = () => {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    io: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) },
  };
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-serve-cli-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('strata serve', () => {
  it('prints the URL with its token and serves until closed', async () => {
    const { lines, io: cli } = io();
    const server = await serveCommand({ port: '0', folder, data: join(folder, 'data') }, cli);
    if (typeof server === 'number') throw new Error(lines.err.join('\n'));
    try {
      expect(lines.out.join('\n')).toContain(server.url);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);
      expect((await fetch(server.url.replace(/\?.*/, ''))).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('refuses a bad port or a missing folder, naming the flag', async () => {
    const bad = io();
    expect(await serveCommand({ port: 'eighty', folder }, bad.io)).toBe(EXIT.usage);
    expect(bad.lines.err[0]).toMatch(/^--port: .*eighty/);
    const missing = io();
    expect(await serveCommand({ port: '0', folder: join(folder, 'nope') }, missing.io)).toBe(
      EXIT.usage,
    );
    expect(missing.lines.err[0]).toMatch(/^--folder: .*nope/);
  });
});
