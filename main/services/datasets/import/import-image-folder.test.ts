import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import type { Batch } from '../dataset.js';
import { useTempFolder } from './fixtures.test-util.js';
import { decodeImage } from './image-decode.js';
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

/** The PNG with its IHDR rewritten to claim another size (CRC fixed, so only the size lies). */
function withPngSize(bytes: Buffer, width: number, height: number): Buffer {
  const forged = Buffer.from(bytes);
  forged.writeUInt32BE(width, 16);
  forged.writeUInt32BE(height, 20);
  forged.writeUInt32BE(crc32(forged.subarray(12, 29)), 29);
  return forged;
}

/** The CRC-32 PNG chunks carry (ISO 3309), over the chunk type and data. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
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

  it('refuses a size that is not a positive whole number of pixels, naming it', async () => {
    const dir = await tempFolder();
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    for (const [height, width] of [
      [-4, 4],
      [4, 0],
      [2.5, 4],
      [4, 100_000],
    ]) {
      const result = await importDataset({
        kind: 'image-folder',
        folder: dir,
        height,
        width,
        color: 'rgb',
      });
      expect(result).toMatchObject({ ok: false, errors: [{ location: { file: dir } }] });
      if (!result.ok) {
        const side = height === -4 || height === 2.5 ? 'height' : 'width';
        const value = side === 'height' ? height : width;
        expect(result.errors[0].message).toBe(
          `the image ${side} must be a whole number of pixels from 1 to 4096, not ${value}; choose the size the images are resized to`,
        );
      }
    }
  });

  it('skips an image whose header claims 20000×20000 pixels without decoding it', async () => {
    const dir = await tempFolder();
    await mkdir(join(dir, 'big'));
    await mkdir(join(dir, 'small'));
    const bomb = withPngSize(png(rgba(1, 1, () => [9, 9, 9])), 20_000, 20_000);
    await writeFile(join(dir, 'big', 'bomb.png'), bomb);
    await writeFile(join(dir, 'big', 'fine.png'), png(rgba(2, 2, () => [1, 2, 3])));
    await writeFile(join(dir, 'small', 'fine.png'), png(rgba(2, 2, () => [1, 2, 3])));
    const read = vi.spyOn(PNG.sync, 'read');
    try {
      const result = await importDataset({
        kind: 'image-folder',
        folder: dir,
        height: 2,
        width: 2,
        color: 'rgb',
      });
      if (!result.ok) throw new Error(result.errors[0].message);
      expect(result.warnings).toEqual([
        {
          severity: 'warning',
          message:
            'image bomb.png is 20000×20000 pixels (400 megapixels), over the 50-megapixel limit; shrink it before importing; skipped',
          location: { file: join(dir, 'big', 'bomb.png') },
        },
      ]);
      expect(read).toHaveBeenCalledTimes(2); // the two fine images, never the bomb
    } finally {
      read.mockRestore();
    }
  });

  it('says in plain words why a cut-short image could not be decoded', async () => {
    const whole = png(rgba(6, 6, () => [200, 100, 0]));
    const cut = decodeImage(whole.subarray(0, whole.length - 20), '/photos/cat/cut.png');
    expect(cut).toBeInstanceOf(Error);
    expect((cut as Error).message).toBe(
      'image cut.png could not be decoded: the file ends before the image does (it is cut short); open and save it again in an image editor, or remove it',
    );
    expect((cut as Error).message).not.toMatch(/waitng|stream/);
  });

  it('refuses a JPEG whose frame header claims too many pixels', () => {
    const small = rgba(8, 8, () => [10, 20, 30]);
    const bytes = Buffer.from(jpeg.encode({ ...small, data: Buffer.from(small.data) }, 90).data);
    const frame = bytes.findIndex((b, i) => b === 0xff && bytes[i + 1] === 0xc0);
    bytes.writeUInt16BE(30_000, frame + 5);
    bytes.writeUInt16BE(30_000, frame + 7);
    const result = decodeImage(bytes, 'huge.jpg');
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(
      /^image huge\.jpg is 30000×30000 pixels \(900 megapixels\)/,
    );
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
