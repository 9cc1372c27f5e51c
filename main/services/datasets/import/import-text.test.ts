import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../dataset.js';
import { useTempFolder } from './fixtures.test-util.js';
import { importDataset } from './import-spec.js';

const tempFolder = useTempFolder();

describe('text import', () => {
  it('makes word windows whose targets are the next words, rare words unknown', async () => {
    const file = join(await tempFolder(), 'story.txt');
    await writeFile(file, 'the cat sat. the cat ran! the dog sat.');
    const result = await importDataset(
      { kind: 'text', file, tokens: 'word', window: 3, vocabulary: 4 },
      { validation: 0, test: 0 },
    );
    if (!result.ok) throw new Error(result.errors[0].message);
    const { dataset } = result;
    const words = dataset.vocabulary as readonly string[];
    // 'the' ×3, then '.', 'cat', 'sat' ×2 each: ties go to the first seen.
    expect(words).toEqual(['<unk>', 'the', 'cat', 'sat']);
    const b = dataset.batches('train', { batchSize: 10 }).next().value as Batch;
    const decode = (ids: ArrayLike<number>) => Array.from(ids, (id) => words[id]);
    // 11 tokens: the cat sat . the cat ran ! the dog sat . → 3 windows of 3.
    expect(b.size).toBe(3);
    expect(decode(b.x)).toEqual([
      'the',
      'cat',
      'sat',
      '<unk>',
      'the',
      'cat',
      '<unk>',
      '<unk>',
      'the',
    ]);
    expect(decode(b.y)).toEqual([
      'cat',
      'sat',
      '<unk>',
      'the',
      'cat',
      '<unk>',
      '<unk>',
      'the',
      '<unk>',
    ]);
  });

  it('makes character windows', async () => {
    const file = join(await tempFolder(), 'abc.txt');
    await writeFile(file, 'abcabcabc');
    const result = await importDataset({ kind: 'text', file, tokens: 'character', window: 4 });
    expect(result.ok && result.dataset.schema.target).toMatchObject({
      kind: 'next-token',
      vocabulary: 4,
    });
  });

  it('reports invalid UTF-8 at its line and a too-short text', async () => {
    const dir = await tempFolder();
    const bad = join(dir, 'bad.txt');
    await writeFile(
      bad,
      Buffer.concat([Buffer.from('line one\nline two\nthree '), Buffer.from([0xff, 0xfe])]),
    );
    const result = await importDataset({ kind: 'text', file: bad, tokens: 'character', window: 2 });
    expect(result).toMatchObject({ ok: false, errors: [{ location: { file: bad, line: 3 } }] });
    const short = join(dir, 'short.txt');
    await writeFile(short, 'hi');
    const tooShort = await importDataset({
      kind: 'text',
      file: short,
      tokens: 'character',
      window: 8,
    });
    expect(tooShort).toMatchObject({ ok: false, errors: [{ location: { file: short } }] });
  });
});
