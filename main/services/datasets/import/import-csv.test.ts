import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocation, type Batch } from '../dataset.js';
import { parseCsv } from './csv-records.js';
import { useTempFolder } from './fixtures.test-util.js';
import { importDataset } from './import-spec.js';

const tempFolder = useTempFolder();

const CSV = [
  'size,colour,"note, free text",kind',
  '1.5,red,"says ""hi""",cat',
  '2,blue,"two',
  'lines",dog',
  '3,red,plain,dog',
  '4,green,x',
  'oops,blue,x,cat',
  '5,,x,cat',
  '',
  '6,green,x,cat',
].join('\n');

async function csvFile(text = CSV) {
  const file = join(await tempFolder(), 'table.csv');
  await writeFile(file, text);
  return file;
}

describe('CSV records', () => {
  it('handles quoted commas, doubled quotes and line breaks, with starting lines', () => {
    const parsed = parseCsv(CSV);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.records[0].fields[2]).toBe('note, free text');
    expect(parsed.records[1].fields[2]).toBe('says "hi"');
    expect(parsed.records[2]).toEqual({ line: 3, fields: ['2', 'blue', 'two\nlines', 'dog'] });
    expect(parsed.records[3].line).toBe(5);
    expect(parsed.records.at(-1)?.line).toBe(10);
  });

  it('reports an unclosed quote at the line it opens', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('CSV import', () => {
  it('one-hot encodes text features, numbers the classes and skips bad rows with their location', async () => {
    const file = await csvFile();
    const result = await importDataset(
      { kind: 'csv', file, target: 'kind', features: ['size', 'colour'] },
      { validation: 0, test: 0 },
    );
    if (!result.ok) throw new Error(result.errors[0].message);
    const { dataset, warnings } = result;
    expect(dataset.schema.inputShape).toEqual([4]);
    expect(dataset.schema.target).toEqual({ kind: 'classes', classes: 2, names: ['cat', 'dog'] });
    expect(warnings.map((w) => w.location)).toEqual([
      { file, line: 6 },
      { file, line: 7, column: 'size' },
      { file, line: 8, column: 'colour' },
    ]);
    expect(warnings[1].message).toContain('"oops" is not a number');
    const b = dataset.batches('train', { batchSize: 10 }).next().value as Batch;
    // Colours sorted: blue, green, red.
    expect(Array.from(b.x)).toEqual([1.5, 0, 0, 1, 2, 1, 0, 0, 3, 0, 0, 1, 6, 0, 1, 0]);
    expect(Array.from(b.y)).toEqual([0, 1, 1, 0]);
  });

  it('keeps categories as indices and numeric targets as values when asked', async () => {
    const file = await csvFile('a,b,y\n1,x,0.5\n2,y,1.5\n3,x,2.5\n');
    const result = await importDataset(
      { kind: 'csv', file, target: 'y', categorical: 'index' },
      { validation: 0, test: 0 },
    );
    if (!result.ok) throw new Error(result.errors[0].message);
    expect(result.dataset.schema.target).toEqual({ kind: 'values', shape: [1] });
    const b = result.dataset.batches('train', { batchSize: 3 }).next().value as Batch;
    expect(Array.from(b.x)).toEqual([1, 0, 2, 1, 3, 0]);
    expect(Array.from(b.y)).toEqual([0.5, 1.5, 2.5]);
  });

  it('refuses NaN and infinite cells, naming the row and column of each', async () => {
    const file = await csvFile('a,b,y\n1,2,0.5\nNaN,3,1\n4,Infinity,2\n5,6,-inf\n7,1e999,3\n');
    const result = await importDataset({ kind: 'csv', file, target: 'y' });
    if (result.ok) throw new Error('a table with NaN and Infinity cells was accepted');
    expect(result.errors.map((e) => e.location)).toEqual([
      { file, line: 3, row: 2, column: 'a' },
      { file, line: 4, row: 3, column: 'b' },
      { file, line: 5, row: 4, column: 'y' },
      { file, line: 6, row: 5, column: 'b' },
    ]);
    expect(result.errors[0].message).toBe(
      '"NaN" is not a finite number; replace it with a number or delete the row',
    );
    expect(formatLocation(result.errors[1].location!)).toBe(`${file}, line 4, row 3, column b`);
  });

  it('refuses a column of NaNs instead of reading it as a category', async () => {
    const file = await csvFile('a,y\nNaN,cat\nNaN,dog\n1,cat\n');
    const result = await importDataset({ kind: 'csv', file, target: 'y' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.location?.row, e.location?.column])).toEqual([
        [1, 'a'],
        [2, 'a'],
      ]);
    }
  });

  it('names a missing column and the header line', async () => {
    const file = await csvFile();
    const result = await importDataset({ kind: 'csv', file, target: 'species' });
    expect(result).toMatchObject({ ok: false, errors: [{ location: { file, line: 1 } }] });
    if (!result.ok) expect(result.errors[0].message).toContain('"species"');
  });
});
