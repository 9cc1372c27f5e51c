import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../dataset.js';
import { idxBytes, useTempFolder } from '../import/fixtures.test-util.js';
import { openDataset } from '../registry.js';
import type { DownloadProgress } from './fetch-verified.js';

const tempFolder = useTempFolder();

/** A POSIX ustar archive of the given files. */
function tar(files: Record<string, Buffer>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, data] of Object.entries(files)) {
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\x0000', 257);
    const sum = header.reduce((a, b) => a + b, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

/** n 28×28 digits whose pixels all equal the label · 20. */
function mnistPair(n: number, offset: number) {
  const labels = Uint8Array.from({ length: n }, (_, i) => (i + offset) % 10);
  const pixels = new Uint8Array(n * 784);
  labels.forEach((label, i) => pixels.fill(label * 20, i * 784, (i + 1) * 784));
  return {
    images: gzipSync(idxBytes(0x08, [n, 28, 28], pixels)),
    labels: gzipSync(idxBytes(0x08, [n], labels)),
  };
}

/** CIFAR records: label, then 1024 red, 1024 green, 1024 blue bytes of (label, 100, 200). */
function cifarBatch(labels: number[]): Buffer {
  return Buffer.concat(
    labels.map((label) =>
      Buffer.concat([
        Buffer.from([label]),
        Buffer.alloc(1024, label),
        Buffer.alloc(1024, 100),
        Buffer.alloc(1024, 200),
      ]),
    ),
  );
}

const train = mnistPair(30, 0);
const test = mnistPair(10, 3);
const served: Record<string, Buffer> = {
  'train-images-idx3-ubyte.gz': train.images,
  'train-labels-idx1-ubyte.gz': train.labels,
  't10k-images-idx3-ubyte.gz': test.images,
  't10k-labels-idx1-ubyte.gz': test.labels,
  'cifar-10-binary.tar.gz': gzipSync(
    tar({
      'cifar-10-batches-bin/batches.meta.txt': Buffer.from('airplane\n'),
      'cifar-10-batches-bin/data_batch_1.bin': cifarBatch([0, 1, 2, 3]),
      'cifar-10-batches-bin/data_batch_2.bin': cifarBatch([4, 5, 6]),
      'cifar-10-batches-bin/test_batch.bin': cifarBatch([7, 8, 9]),
    }),
  ),
  'aclImdb_v1.tar.gz': gzipSync(
    tar({
      'aclImdb/README': Buffer.from('readme'),
      'aclImdb/train/pos/0_9.txt': Buffer.from('A great film.<br />Great!'),
      'aclImdb/train/neg/1_2.txt': Buffer.from('A bad film, bad.'),
      'aclImdb/train/unsup/2_0.txt': Buffer.from('ignored'),
      'aclImdb/test/pos/3_8.txt': Buffer.from('great great'),
      'aclImdb/test/neg/4_1.txt': Buffer.from('awful'),
    }),
  ),
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const checksums = Object.fromEntries(
  Object.entries(served).map(([name, data]) => [name, sha256(data)]),
);

let server: Server;
let baseUrl = '';
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    const name = (request.url ?? '').split('/').pop() as string;
    requests.push(name);
    const data = request.url?.includes('/missing/') ? undefined : served[name];
    if (!data) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': data.length }).end(data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/files/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('downloads from a local server', () => {
  it('fetches full MNIST, verifies it, reports progress, caches it and keeps the official test split', async () => {
    const cacheDir = await tempFolder();
    const progress: DownloadProgress[] = [];
    const spec = {
      kind: 'download' as const,
      id: 'mnist-full' as const,
      cacheDir,
      baseUrl,
      checksums,
      onProgress: (p: DownloadProgress) => progress.push(p),
    };
    const result = await openDataset(spec);
    if (!result.ok) throw new Error(result.errors[0].message);
    const { dataset } = result;
    expect(dataset.size('test')).toBe(10);
    expect(dataset.size('train') + dataset.size('validation')).toBe(30);
    expect([...dataset.indices('test')]).toEqual(Array.from({ length: 10 }, (_, i) => 30 + i));
    const b = dataset.batches('test', { batchSize: 10, normalise: 'none' }).next().value as Batch;
    for (let n = 0; n < 10; n++) expect(b.x[n * 784 + 400]).toBe(b.y[n] * 20);
    const last = progress.filter((p) => p.file === 'train-images-idx3-ubyte.gz').at(-1);
    expect(last).toEqual({
      file: 'train-images-idx3-ubyte.gz',
      received: train.images.length,
      total: train.images.length,
    });
    expect((await readdir(cacheDir)).sort()).toEqual(
      Object.keys(served)
        .filter((n) => n.includes('ubyte'))
        .sort(),
    );
    const before = requests.length;
    expect((await openDataset(spec)).ok).toBe(true);
    expect(requests.length).toBe(before);
  });

  it('refuses a file whose checksum does not match and leaves nothing in the cache', async () => {
    const cacheDir = await tempFolder();
    // Without the fixture checksums, the published MNIST checksums apply and cannot match.
    const result = await openDataset({ kind: 'download', id: 'mnist-full', cacheDir, baseUrl });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0].message).toContain(
        'checksum mismatch for train-images-idx3-ubyte.gz',
      );
      expect(result.errors[0].message).toContain(checksums['train-images-idx3-ubyte.gz']);
    }
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('reports an HTTP error with the URL', async () => {
    const cacheDir = await tempFolder();
    const result = await openDataset({
      kind: 'download',
      id: 'cifar-10',
      cacheDir,
      baseUrl: `${baseUrl}missing/`,
    });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ location: { file: `${baseUrl}missing/cifar-10-binary.tar.gz` } }],
    });
    if (!result.ok) expect(result.errors[0].message).toContain('HTTP 404');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('reads CIFAR-10 records channels-last with the test batch as test split', async () => {
    const cacheDir = await tempFolder();
    const result = await openDataset(
      { kind: 'download', id: 'cifar-10', cacheDir, baseUrl, checksums },
      { validation: 0 },
    );
    if (!result.ok) throw new Error(result.errors[0].message);
    const { dataset } = result;
    expect(dataset.size('train')).toBe(7);
    const b = dataset.batches('test', { batchSize: 3 }).next().value as Batch;
    expect(b.xShape).toEqual([3, 32, 32, 3]);
    expect(Array.from(b.y)).toEqual([7, 8, 9]);
    expect(Array.from(b.x.subarray(3 * 500, 3 * 500 + 3))).toEqual([7, 100, 200]);
  });

  it('reads IMDB reviews as front-padded word ids with train-only vocabulary', async () => {
    const cacheDir = await tempFolder();
    const result = await openDataset(
      { kind: 'download', id: 'imdb-reviews', cacheDir, baseUrl, checksums },
      { validation: 0 },
    );
    if (!result.ok) throw new Error(result.errors[0].message);
    const { dataset } = result;
    expect(dataset.size('train')).toBe(2);
    expect(dataset.size('test')).toBe(2);
    const words = dataset.vocabulary as readonly string[];
    expect(words.slice(0, 2)).toEqual(['<pad>', '<unk>']);
    expect(words).not.toContain('awful');
    const b = dataset.batches('test', { batchSize: 2 }).next().value as Batch;
    const decode = (n: number) =>
      Array.from(b.x.subarray(n * 200, (n + 1) * 200), (id) => words[id]).filter(
        (w) => w !== '<pad>',
      );
    // Test reviews sorted by path: neg/4_1 then pos/3_8.
    expect(Array.from(b.y)).toEqual([0, 1]);
    expect(decode(0)).toEqual(['<unk>']);
    expect(decode(1)).toEqual(['great', 'great']);
    expect(b.x[0]).toBe(0);
  });
});
