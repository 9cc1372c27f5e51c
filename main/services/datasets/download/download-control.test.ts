import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredDataset } from '../../../../shared/project/datasets.js';
import { openDeclaredDataset } from '../declared/open-declared.js';
import { idxBytes, useTempFolder } from '../import/fixtures.test-util.js';
import { fetchVerified } from './fetch-verified.js';

const tempFolder = useTempFolder();

/** n 28×28 clothes whose pixels all equal label · 20. */
function pair(n: number) {
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
  const pixels = new Uint8Array(n * 784);
  labels.forEach((label, i) => pixels.fill(label * 20, i * 784, (i + 1) * 784));
  return {
    images: gzipSync(idxBytes(0x08, [n, 28, 28], pixels)),
    labels: gzipSync(idxBytes(0x08, [n], labels)),
  };
}
const [train, test] = [pair(20), pair(5)];
const served: Record<string, Buffer> = {
  'train-images-idx3-ubyte.gz': train.images,
  'train-labels-idx1-ubyte.gz': train.labels,
  't10k-images-idx3-ubyte.gz': test.images,
  't10k-labels-idx1-ubyte.gz': test.labels,
};
const checksums = Object.fromEntries(
  Object.entries(served).map(([name, data]) => [
    name,
    createHash('sha256').update(data).digest('hex'),
  ]),
);

let server: Server;
let base = '';
const requests: string[] = [];
const stalled: ServerResponse[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url?.startsWith('/stall/')) {
      // A first chunk, then silence: the client must give up or be cancelled.
      response.writeHead(200, { 'content-length': 1_000_000 });
      response.write(Buffer.alloc(1000));
      stalled.push(response);
      return;
    }
    const data = served[(request.url ?? '').split('/').pop() as string];
    if (!data) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': data.length }).end(data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const response of stalled) response.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const fashion: DeclaredDataset = {
  id: 'clothes',
  kind: 'download',
  files: {},
  options: { set: 'fashion-mnist' },
};

describe('downloads a person can watch, cancel and reuse', () => {
  it('fetches Fashion-MNIST once per machine: a second project reuses the cached files', async () => {
    const machine = await tempFolder();
    const download = { cacheDir: machine, baseUrl: `${base}/files/`, checksums };
    const first = await openDeclaredDataset(join(await tempFolder(), 'a.strata'), fashion, {
      download,
    });
    if (!first.ok) throw new Error(first.errors[0].message);
    expect(first.dataset.schema).toMatchObject({ id: 'clothes', inputShape: [28, 28, 1] });
    expect(first.dataset.schema.target).toMatchObject({ classes: 10 });
    expect(first.dataset.size('test')).toBe(5);
    const before = requests.length;
    const second = await openDeclaredDataset(join(await tempFolder(), 'b.strata'), fashion, {
      download,
    });
    expect(second.ok).toBe(true);
    expect(requests.length).toBe(before);
  });

  it('refuses the generated files against the published Fashion-MNIST checksums', async () => {
    const machine = await tempFolder();
    const opened = await openDeclaredDataset(join(machine, 'p.strata'), fashion, {
      download: { cacheDir: join(machine, 'cache'), baseUrl: `${base}/files/` },
    });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors[0].message).toMatch(/^checksum mismatch for train-images/);
  });

  it('says the machine seems offline when the server cannot be reached', async () => {
    const cacheDir = await tempFolder();
    // A port that was just free: nothing listens on it.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const url = `http://127.0.0.1:${port}/train.gz`;
    const result = await fetchVerified({ url, name: 'train.gz', sha256: '0' }, cacheDir);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.message).toMatch(
        new RegExp(
          `^cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\): this machine seems to be offline`,
        ),
      );
    }
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('cancels a download on request and keeps no partial file', async () => {
    const cacheDir = await tempFolder();
    const controller = new AbortController();
    const remote = { url: `${base}/stall/big.bin`, name: 'big.bin', sha256: '0' };
    const result = await fetchVerified(
      remote,
      cacheDir,
      (progress) => {
        if (progress.received > 0) controller.abort();
      },
      controller.signal,
    );
    expect(result).toMatchObject({ ok: false, issue: { message: 'download cancelled' } });
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('gives up on a connection that goes quiet instead of hanging', async () => {
    const cacheDir = await tempFolder();
    const remote = { url: `${base}/stall/quiet.bin`, name: 'quiet.bin', sha256: '0' };
    const result = await fetchVerified(remote, cacheDir, undefined, undefined, 200);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toMatch(/^download stalled: no data from/);
    expect(await readdir(cacheDir)).toEqual([]);
  });
});
