import type { CsvRecord } from './csv-records.js';

/** How one column's values are read. */
export type ColumnKind = { kind: 'numeric' } | { kind: 'categorical'; categories: string[] };

/** A value that reads as a finite number (not an empty string). */
export function parseNumber(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** `NaN`, `Infinity`, `-inf` or a number too large for a double (`1e999`): a number, but no use. */
export function isNonFiniteNumber(value: string): boolean {
  const trimmed = value.trim();
  if (/^[+-]?(nan|inf|infinity)$/i.test(trimmed)) return true;
  const n = Number(trimmed);
  return trimmed !== '' && (n === Infinity || n === -Infinity);
}

/**
 * A column is numeric when most of its non-empty values are numbers (the rest are then bad
 * cells); otherwise its distinct values, sorted, are its categories.
 */
export function inferColumn(records: readonly CsvRecord[], column: number): ColumnKind {
  let numbers = 0;
  let filled = 0;
  const distinct = new Set<string>();
  for (const record of records) {
    const value = record.fields[column]?.trim();
    if (value === undefined || value === '') continue;
    filled++;
    if (parseNumber(value) !== undefined || isNonFiniteNumber(value)) numbers++;
    distinct.add(value);
  }
  if (filled > 0 && numbers * 2 > filled) return { kind: 'numeric' };
  return { kind: 'categorical', categories: [...distinct].sort() };
}

/** Elements a feature column takes in the input vector. */
export function featureWidth(column: ColumnKind, categorical: 'one-hot' | 'index'): number {
  return column.kind === 'categorical' && categorical === 'one-hot' ? column.categories.length : 1;
}
