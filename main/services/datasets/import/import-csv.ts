import { readFile } from 'node:fs/promises';
import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import type { DatasetIssue, DatasetResult } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';
import {
  featureWidth,
  inferColumn,
  isNonFiniteNumber,
  parseNumber,
  type ColumnKind,
} from './csv-columns.js';
import { parseCsv } from './csv-records.js';
import { describe, fileIssue } from './read-file.js';

/** A CSV file with a header row; features default to every column but the target. */
export interface CsvImportSpec {
  kind: 'csv';
  file: string;
  target: string;
  features?: readonly string[];
  /** Default: classes for a text column, values for a numeric one. */
  targetKind?: 'classes' | 'values';
  /** Text feature columns as one-hot groups (default) or a single category index. */
  categorical?: 'one-hot' | 'index';
  name?: string;
}

/** Non-finite cells listed one by one before the rest are counted. */
const MAX_REPORTED = 10;

/** Imports a CSV table; rows with missing or unreadable cells are skipped with a warning each. */
export async function importCsv(
  spec: CsvImportSpec,
  options?: SplitOptions,
): Promise<DatasetResult> {
  const { file } = spec;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [fileIssue(file, `cannot read the file (${describe(error)})`)] };
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: [
        { severity: 'error', message: parsed.message, location: { file, line: parsed.line } },
      ],
    };
  }
  const [header, ...rows] = parsed.records;
  if (!header || rows.length === 0) {
    return { ok: false, errors: [fileIssue(file, 'needs a header row and at least one data row')] };
  }
  const names = header.fields.map((name) => name.trim());
  const missing = [spec.target, ...(spec.features ?? [])].filter((name) => !names.includes(name));
  if (missing.length > 0) {
    const message = `no column named ${missing.map((m) => `"${m}"`).join(', ')} in the header (columns: ${names.join(', ')})`;
    return {
      ok: false,
      errors: [{ severity: 'error', message, location: { file, line: header.line } }],
    };
  }
  const targetColumn = names.indexOf(spec.target);
  const featureColumns = (spec.features ?? names.filter((n) => n !== spec.target)).map((n) =>
    names.indexOf(n),
  );
  const categorical = spec.categorical ?? 'one-hot';
  const warnings: DatasetIssue[] = [];
  const wellFormed = rows.filter((row) => {
    if (row.fields.length === names.length) return true;
    const message = `expected ${names.length} fields, found ${row.fields.length}; row skipped`;
    warnings.push({ severity: 'warning', message, location: { file, line: row.line } });
    return false;
  });
  const kinds = new Map<number, ColumnKind>(
    [...featureColumns, targetColumn].map((c) => [c, inferColumn(wellFormed, c)]),
  );
  const targetKind = kinds.get(targetColumn) as ColumnKind;
  const asClasses = spec.targetKind
    ? spec.targetKind === 'classes'
    : targetKind.kind === 'categorical';
  const classNames = asClasses
    ? targetKind.kind === 'categorical'
      ? targetKind.categories
      : [...new Set(wellFormed.map((r) => r.fields[targetColumn].trim()))]
          .filter((v) => parseNumber(v) !== undefined)
          .sort((a, b) => Number(a) - Number(b))
    : [];
  const width = featureColumns.reduce(
    (sum, c) => sum + featureWidth(kinds.get(c) as ColumnKind, categorical),
    0,
  );
  const features: number[] = [];
  const targets: number[] = [];
  const nonFinite: DatasetIssue[] = [];
  /** Data rows are numbered from 1, the header not counted. */
  const rowNumber = new Map(rows.map((row, i) => [row, i + 1]));
  for (const row of wellFormed) {
    const cells: number[] = [];
    let bad: { column: string; message: string } | undefined;
    // A NaN or infinite number is an error rather than a skipped row: it means the file was
    // written from broken data, and training on the rest would hide that.
    for (const c of [...featureColumns, targetColumn]) {
      const value = row.fields[c];
      if (kinds.get(c)?.kind === 'numeric' && isNonFiniteNumber(value)) {
        const message = `"${value.trim()}" is not a finite number; replace it with a number or delete the row`;
        const location = { file, line: row.line, row: rowNumber.get(row), column: names[c] };
        nonFinite.push({ severity: 'error', message, location });
      }
    }
    for (const c of featureColumns) {
      const kind = kinds.get(c) as ColumnKind;
      const value = row.fields[c].trim();
      if (kind.kind === 'numeric') {
        const n = parseNumber(value);
        if (n === undefined)
          bad ??= {
            column: names[c],
            message: value === '' ? 'empty value' : `"${value}" is not a number`,
          };
        cells.push(n ?? 0);
      } else {
        const at = kind.categories.indexOf(value);
        if (at < 0) bad ??= { column: names[c], message: 'empty value' };
        if (categorical === 'index') cells.push(at);
        else for (let k = 0; k < kind.categories.length; k++) cells.push(k === at ? 1 : 0);
      }
    }
    const targetValue = row.fields[targetColumn].trim();
    const target = asClasses ? classNames.indexOf(targetValue) : parseNumber(targetValue);
    if (target === undefined || target < 0) {
      bad ??= {
        column: spec.target,
        message:
          targetValue === ''
            ? 'empty target'
            : `"${targetValue}" is not a ${asClasses ? 'class' : 'number'}`,
      };
    }
    if (bad) {
      const location = { file, line: row.line, column: bad.column };
      warnings.push({ severity: 'warning', message: `${bad.message}; row skipped`, location });
      continue;
    }
    features.push(...cells);
    targets.push(target as number);
  }
  if (nonFinite.length > 0) {
    const shown = nonFinite.slice(0, MAX_REPORTED);
    const more = nonFinite.length - shown.length;
    if (more > 0) shown.push(fileIssue(file, `and ${more} more non-finite numbers`));
    return { ok: false, errors: shown };
  }
  if (targets.length === 0) {
    return { ok: false, errors: [fileIssue(file, 'no usable rows'), ...warnings] };
  }
  const schema: DatasetSchema = {
    id: `imported:${spec.name ?? file}`,
    label: spec.name ?? 'Imported table',
    docs: `${targets.length} rows of ${file}; target column "${spec.target}".`,
    inputShape: [width],
    inputDtype: 'float32',
    target: asClasses
      ? { kind: 'classes', classes: classNames.length, names: classNames }
      : { kind: 'values', shape: [1] },
    source: 'imported',
  };
  const inputs = Float32Array.from(features);
  const source = asClasses
    ? tableSource(inputs, width, { kind: 'classes', labels: Int32Array.from(targets) })
    : tableSource(inputs, width, { kind: 'values', values: Float32Array.from(targets), size: 1 });
  return { ok: true, dataset: createDataset(schema, source, options), warnings };
}
