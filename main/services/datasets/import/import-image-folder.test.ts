import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../dataset.js';
import { useTempFolder } from './fixtures.test-util.js';
import { importDataset } from './import-spec.js';
import { resizeBilinear } from './resize.js';

const tempFolder = useTempFolder();

/** A width×height RGBA image whose pixel (x, y) has the colour `colour(x, y)`. */
function rgba(
  width: number,
  height: number,
  colour: (x: number, y: number) => [number, number, number],
) {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      data.set([...colour(x, y), 255], (y * width + x) * 4);
    }
  return { width, height, data };
}

function png(image: ReturnType<typeof rgba>): Buffer {
  const out = new PNG({ width: image.width, height: image.height });
  out.data = Buffer.from(image.data);
  return PNG.sync.write(out);
}

describe('bilinear resize', () => {
  it('halves a horizontal ramp to the averages of neighbouring pixels', () => {
    const image = rgba(4, 1, (x) => [x * 60, x * 60, x * 60]);
    const out = new Uint8Array(2);
    resizeBilinear(image, 1, 2, 1, out, 0);
    // Half-pixel centres: output pixel 0 samples x = 0.5, between inputs 0 and 1.
    expect(Array.from(out)).toEqual([30, 150]);
  });
});

describe('image folder import', () => {
  it('reads PNG and JPEG images per class folder, resized, gray or RGB', async () => {
    const dir = await tempFolder();
    await mkdir(join(dir, 'red'));
    await mkdir(join(dir, 'blue'));
    await writeFile(join(dir, 'red', 'a.png'), png(rgba(8, 6, () => [255, 0, 0])));
    await writeFile(
      join(dir, 'red', 'b.jpg'),
      jpeg.encode(
        {
          ...rgba(10, 10, () => [250, 0, 0]),
          data: Buffer.from(rgba(10, 10, () => [250, 0, 0]).data),
        },
        95,
      ).data,
    );
    await writeFile(join(dir, 'blue', 'c.PNG'), png(rgba(3, 3, () => [0, 0, 255])));
    await writeFile(
      join(dir, 'blue', 'broken.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    );
    await writeFile(join(dir, 'blue', 'notes.txt'), 'not an image');
    const result = await importDataset(
      { kind: 'image-folder', folder: dir, height: 4, width: 4, color: 'rgb' },
      { validation: 0, test: 0 },
    );
    if (!result.ok) throw new Error(result.errors[0].message);
    const { dataset, warnings } = result;
    expect(dataset.schema.inputShape).toEqual([4, 4, 3]);
    expect(dataset.schema.target).toEqual({ kind: 'classes', classes: 2, names: ['blue', 'red'] });
    expect(warnings.map((w) => w.location?.file).sort()).toEqual([
      join(dir, 'blue', 'broken.png'),
      join(dir, 'blue', 'notes.txt'),
    ]);
    const b = dataset.batches('train', { batchSize: 3 }).next().value as Batch;
    expect(b.size).toBe(3);
    for (let n = 0; n < 3; n++) {
      const pixel = Array.from(b.x.subarray(n * 48, n * 48 + 3));
      const expected = b.y[n] === 0 ? [0, 0, 255] : [255, 0, 0];
      pixel.forEach((v, k) => expect(Math.abs(v - expected[k])).toBeLessThan(12));
    }
    const gray = await importDataset({
      kind: 'image-folder',
      folder: dir,
      height: 2,
      width: 2,
      color: 'grayscale',
    });
    expect(gray.ok && gray.dataset.schema.inputShape).toEqual([2, 2, 1]);
  });

  it('reports a folder without class sub-folders', async () => {
    const dir = await tempFolder();
    const result = await importDataset({
      kind: 'image-folder',
      folder: dir,
      height: 4,
      width: 4,
      color: 'rgb',
    });
    expect(result).toMatchObject({ ok: false, errors: [{ location: { file: dir } }] });
  });
});
