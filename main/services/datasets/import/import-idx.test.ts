import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../dataset.js';
import { idxBytes, useTempFolder } from './fixtures.test-util.js';
import { parseIdx } from './idx.js';
import { importDataset } from './import-spec.js';

const tempFolder = useTempFolder();

/** Six 3×2 images whose every pixel is 40·n, labelled n mod 3. */
async function writePair(dir: string, gzip: boolean) {
  const pixels = Uint8Array.from({ length: 6 * 6 }, (_, i) => 40 * Math.floor(i / 6));
  const labels = Uint8Array.from({ length: 6 }, (_, n) => n % 3);
  const wrap = (b: Buffer) => (gzip ? gzipSync(b) : b);
  const images = join(dir, gzip ? 'images.idx.gz' : 'images.idx');
  const labelsFile = join(dir, gzip ? 'labels.idx.gz' : 'labels.idx');
  await writeFile(images, wrap(idxBytes(0x08, [6, 3, 2], pixels)));
  await writeFile(labelsFile, wrap(idxBytes(0x08, [6], labels)));
  return { images, labels: labelsFile };
}

describe('IDX import', () => {
  it.each([false, true])('reads an images + labels pair (gzipped: %s)', async (gzip) => {
    const files = await writePair(await tempFolder(), gzip);
    const result = await importDataset({ kind: 'idx', ...files }, { validation: 0, test: 0 });
    if (!result.ok) throw new Error(result.errors[0].message);
    const { dataset } = result;
    expect(dataset.schema.inputShape).toEqual([3, 2, 1]);
    expect(dataset.schema.target).toMatchObject({ kind: 'classes', classes: 3 });
    const b = dataset.batches('train', { batchSize: 6 }).next().value as Batch;
    for (let n = 0; n < 6; n++) {
      expect(Array.from(b.x.subarray(n * 6, n * 6 + 6))).toEqual(new Array(6).fill(40 * n));
      expect(b.y[n]).toBe(n % 3);
    }
  });

  it('refuses a label beyond the class names, naming the labels file and the item', async () => {
    const dir = await tempFolder();
    const images = join(dir, 'images.idx');
    const labels = join(dir, 'labels.idx');
    await writeFile(images, idxBytes(0x08, [4, 2, 2], new Uint8Array(16)));
    await writeFile(labels, idxBytes(0x08, [4], Uint8Array.from([0, 9, 200, 3])));
    const classNames = Array.from({ length: 10 }, (_, i) => `digit ${i}`);
    const result = await importDataset({ kind: 'idx', images, labels, classNames });
    if (result.ok) {
      throw new Error(`accepted with ${JSON.stringify(result.dataset.schema.target)}`);
    }
    expect(result.errors).toEqual([
      {
        severity: 'error',
        message:
          'item 2 has label 200, but only 10 class names were given (labels 0 to 9); fix the label or name every class',
        location: { file: labels },
      },
    ]);
  });

  it('refuses an empty set and empty images instead of training on nothing', async () => {
    const dir = await tempFolder();
    const images = join(dir, 'images.idx');
    const labels = join(dir, 'labels.idx');
    await writeFile(images, idxBytes(0x08, [0, 28, 28], new Uint8Array(0)));
    await writeFile(labels, idxBytes(0x08, [0], new Uint8Array(0)));
    const empty = await importDataset({ kind: 'idx', images, labels });
    expect(empty).toMatchObject({ ok: false, errors: [{ location: { file: images } }] });
    if (!empty.ok) expect(empty.errors[0].message).toMatch(/^holds no images/);

    await writeFile(images, idxBytes(0x08, [2, 0, 28], new Uint8Array(0)));
    await writeFile(labels, idxBytes(0x08, [2], new Uint8Array(2)));
    const flat = await importDataset({ kind: 'idx', images, labels });
    expect(flat).toMatchObject({ ok: false, errors: [{ location: { file: images } }] });
    if (!flat.ok) expect(flat.errors[0].message).toContain('empty images of 0×28');
  });

  it('parses big-endian multi-byte element types', () => {
    const values = Buffer.alloc(8);
    values.writeInt32BE(-5, 0);
    values.writeInt32BE(70000, 4);
    const parsed = parseIdx(idxBytes(0x0c, [2], values), 'ints.idx');
    expect('data' in parsed && Array.from(parsed.data)).toEqual([-5, 70000]);
  });

  it('reports a bad magic number, a short file and mismatched counts with the file', async () => {
    const dir = await tempFolder();
    const files = await writePair(dir, false);
    const notIdx = join(dir, 'photo.idx');
    await writeFile(notIdx, Buffer.from('PNG not idx'));
    const short = join(dir, 'short.idx');
    await writeFile(short, idxBytes(0x08, [6, 3, 2], new Uint8Array(10)));
    const fewLabels = join(dir, 'few.idx');
    await writeFile(fewLabels, idxBytes(0x08, [5], new Uint8Array(5)));
    const cases = [
      { spec: { images: notIdx, labels: files.labels }, file: notIdx, text: 'two zero bytes' },
      { spec: { images: short, labels: files.labels }, file: short, text: 'the file has 26' },
      {
        spec: { images: files.images, labels: fewLabels },
        file: fewLabels,
        text: '5 labels for 6 images',
      },
      {
        spec: { images: join(dir, 'missing.idx'), labels: files.labels },
        file: join(dir, 'missing.idx'),
        text: 'no such file',
      },
    ];
    for (const { spec, file, text } of cases) {
      const result = await importDataset({ kind: 'idx', ...spec });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors[0].location?.file).toBe(file);
        expect(result.errors[0].message).toContain(text);
      }
    }
  });
});
