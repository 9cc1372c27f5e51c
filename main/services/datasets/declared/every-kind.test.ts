import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { DeclaredDataset } from '../../../../shared/project/datasets.js';
import { useTempFolder } from '../import/fixtures.test-util.js';
import { inspectDeclared } from './project-data.js';

const tempFolder = useTempFolder();

/** A solid-colour PNG of the given size. */
function png(width: number, height: number, value: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(value);
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return PNG.sync.write(image);
}

describe('every kind of declared data opens and previews', () => {
  it('a folder of images per class, resized, with a test folder', async () => {
    const dir = await tempFolder();
    for (const [part, n] of [
      ['photos', 3],
      ['test', 1],
    ] as const) {
      for (const [label, value] of [
        ['cat', 40],
        ['dog', 200],
      ] as const) {
        await mkdir(join(dir, part, label), { recursive: true });
        for (let i = 0; i < n; i++) {
          await writeFile(join(dir, part, label, `${i}.png`), png(10 + i, 8, value));
        }
      }
    }
    const declared: DeclaredDataset = {
      id: 'pets',
      kind: 'image-folder',
      files: { folder: 'photos' },
      test: { folder: 'test' },
      options: { height: 6, width: 6, color: 'grayscale' },
    };
    const opened = await inspectDeclared(join(dir, 'p.strata'), declared);
    if (!opened.ok) throw new Error(opened.errors.join('\n'));
    expect(opened.declared.summary).toEqual({
      inputShape: [6, 6, 1],
      inputDtype: 'float32',
      target: { kind: 'classes', classes: 2, names: ['cat', 'dog'] },
      examples: 6,
      testExamples: 2,
    });
    expect(opened.preview.histogram).toEqual([3, 3]);
    expect(opened.preview.testHistogram).toEqual([1, 1]);
    const [first] = opened.preview.examples;
    expect(first.label).toBe('cat');
    expect(first.image).toMatchObject({ width: 6, height: 6, channels: 1 });
    expect(first.image?.data[0]).toBe(40);
  });

  it('a text as windows of character tokens, its examples shown as text', async () => {
    const dir = await tempFolder();
    await writeFile(join(dir, 'story.txt'), 'call me ishmael. '.repeat(20));
    const declared: DeclaredDataset = {
      id: 'story',
      kind: 'text',
      files: { file: 'story.txt' },
      options: { task: 'language-model', tokens: 'character', window: 16 },
    };
    const opened = await inspectDeclared(join(dir, 'p.strata'), declared);
    if (!opened.ok) throw new Error(opened.errors.join('\n'));
    expect(opened.declared.summary).toMatchObject({
      inputShape: [16],
      inputDtype: 'int32',
      target: { kind: 'next-token' },
      examples: 21,
    });
    expect(opened.preview.examples[0].text).toBe('call me ishmael.');
  });

  it('refuses IDX class names that do not cover every label', async () => {
    const dir = await tempFolder();
    const header = (dims: number[]) => {
      const b = Buffer.alloc(4 + dims.length * 4);
      b[2] = 0x08;
      b[3] = dims.length;
      dims.forEach((d, i) => b.writeUInt32BE(d, 4 + i * 4));
      return b;
    };
    await writeFile(join(dir, 'x.idx'), Buffer.concat([header([3, 2, 2]), Buffer.alloc(12)]));
    await writeFile(join(dir, 'y.idx'), Buffer.concat([header([3]), Buffer.from([0, 1, 11])]));
    const declared: DeclaredDataset = {
      id: 'digits',
      kind: 'idx',
      files: { images: 'x.idx', labels: 'y.idx' },
      options: {
        classNames: [
          'zero',
          'one',
          'two',
          'three',
          'four',
          'five',
          'six',
          'seven',
          'eight',
          'nine',
        ],
      },
    };
    const opened = await inspectDeclared(join(dir, 'p.strata'), declared);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors[0]).toMatch(/y\.idx: .*label 11.*10 class names/);
  });
});
