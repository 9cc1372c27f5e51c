import { join } from 'node:path';
import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import type { DeclaredDataset } from '../../../../shared/project/datasets.js';
import type { Dataset, DatasetIssue, DatasetResult } from '../dataset.js';
import { downloadDataset, type DownloadSpec } from '../download/download-dataset.js';
import type { DownloadProgress } from '../download/fetch-verified.js';
import { importDataset, type ImportSpec } from '../import/import-spec.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { cacheKey } from './cache-key.js';
import { remapClasses, withTestSet } from './combine.js';
import { cacheable, readDecodedCache, writeDecodedCache, writeStats } from './decoded-cache.js';
import { downloadFolder } from './machine-cache.js';
import { missingFiles, resolveDeclared } from './paths.js';

/** How downloads are fetched: a mirror, checksums for it, progress and cancelling. */
export interface DownloadOptions {
  /** The per-machine cache folder for this set; default under machineCacheDir(). */
  cacheDir?: string;
  baseUrl?: string;
  checksums?: Record<string, string>;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
}

export interface OpenDeclaredOptions {
  split?: SplitOptions;
  /** Folder for decoded caches (one sub-folder per dataset id); none: nothing is cached. */
  cacheDir?: string;
  download?: DownloadOptions;
}

/** An opened declared dataset; `cached` when it came from the decoded cache. */
export type OpenedDeclared =
  | { ok: true; dataset: Dataset; warnings: DatasetIssue[]; cached: boolean }
  | { ok: false; errors: DatasetIssue[] };

/** The importer's spec for one part (`files` or `test`) of a resolved declaration. */
function importSpec(dataset: DeclaredDataset, part: 'files' | 'test'): ImportSpec | undefined {
  const files = part === 'files' ? dataset.files : 'test' in dataset ? dataset.test : undefined;
  if (!files) return undefined;
  const name = dataset.id;
  switch (dataset.kind) {
    case 'idx': {
      const { images, labels } = files as { images: string; labels: string };
      return { kind: 'idx', images, labels, name, classNames: dataset.options.classNames };
    }
    case 'csv':
      return { kind: 'csv', file: (files as { file: string }).file, name, ...dataset.options };
    case 'image-folder':
      return {
        kind: 'image-folder',
        folder: (files as { folder: string }).folder,
        name,
        ...dataset.options,
      };
    case 'text':
      return {
        kind: 'text',
        file: (files as { file: string }).file,
        name,
        tokens: dataset.options.tokens,
        window: dataset.options.window,
        vocabulary: dataset.options.vocabulary,
      };
    case 'download':
      return undefined;
  }
}

/**
 * Opens a dataset a project declares: from the decoded cache when its files are unchanged,
 * otherwise through the importers (or the download catalogue), with its test files as the
 * preset test split, then caches it. Problems come back as errors naming the file.
 */
export async function openDeclaredDataset(
  projectFile: string,
  declared: DeclaredDataset,
  options: OpenDeclaredOptions = {},
): Promise<OpenedDeclared> {
  const missing = await missingFiles(projectFile, declared);
  if (missing.length > 0) return { ok: false, errors: missing };
  const resolved = resolveDeclared(projectFile, declared);
  const cacheDir = options.cacheDir && join(options.cacheDir, declared.id);
  const key = cacheDir ? await cacheKey(resolved) : '';
  if (cacheDir) {
    const hit = await readDecodedCache(cacheDir, key, options.split);
    if (hit) {
      if (!hit.hasStats) await keepStats(cacheDir, hit.dataset, options);
      return { ok: true, dataset: hit.dataset, warnings: hit.warnings, cached: true };
    }
  }
  const opened = await decode(resolved, options);
  if (!opened.ok) return opened;
  const warnings = [...opened.warnings];
  if (cacheDir && cacheable(opened.dataset)) {
    try {
      await writeDecodedCache(cacheDir, key, opened.dataset, warnings);
      await keepStats(cacheDir, opened.dataset, options);
    } catch (error) {
      // The data opened; a cache that cannot be written only costs time on the next run.
      const why = error instanceof Error ? error.message : String(error);
      warnings.push({
        severity: 'warning',
        message: `could not cache the decoded data (${why})`,
        location: { file: cacheDir },
      });
    }
  }
  return { ok: true, dataset: opened.dataset, warnings, cached: false };
}

/** Computes the train split's statistics now (the dataset keeps them) and caches them. */
async function keepStats(cacheDir: string, dataset: Dataset, options: OpenDeclaredOptions) {
  if (dataset.schema.inputDtype !== 'float32' || dataset.size('train') === 0) return;
  await writeStats(cacheDir, options.split, dataset.inputStats()).catch(() => undefined);
}

async function decode(
  resolved: DeclaredDataset,
  options: OpenDeclaredOptions,
): Promise<DatasetResult> {
  if (resolved.kind === 'download') {
    const download = options.download ?? {};
    const spec: DownloadSpec = {
      kind: 'download',
      id: resolved.options.set,
      cacheDir: download.cacheDir ?? downloadFolder(resolved.options.set),
      baseUrl: download.baseUrl ?? process.env.STRATA_DATASET_MIRROR,
      checksums: download.checksums,
      onProgress: download.onProgress,
      signal: download.signal,
    };
    const result = await downloadDataset(spec, options.split);
    return result.ok ? { ...result, dataset: renamed(result.dataset, resolved, options) } : result;
  }
  const main = await importDataset(importSpec(resolved, 'files') as ImportSpec, options.split);
  if (!main.ok) return main;
  const testSpec = importSpec(resolved, 'test');
  if (!testSpec) return { ...main, dataset: renamed(main.dataset, resolved, options) };
  const test = await importDataset(testSpec, options.split);
  if (!test.ok) return test;
  const joined = joinTestSet(main.dataset, test.dataset, testSpec);
  if ('severity' in joined) return { ok: false, errors: [joined] };
  const schema = { ...labelled(main.dataset.schema, resolved), target: joined.target };
  const dataset = createDataset(schema, joined.source, options.split, main.dataset.vocabulary);
  return { ok: true, dataset, warnings: [...main.warnings, ...test.warnings] };
}

/** The declaration's id and name on an imported schema. */
function labelled(schema: DatasetSchema, declared: DeclaredDataset): DatasetSchema {
  return { ...schema, id: declared.id, label: declared.name ?? declared.id };
}

/** The same examples under the declaration's id and name. */
function renamed(
  dataset: Dataset,
  declared: DeclaredDataset,
  options: OpenDeclaredOptions,
): Dataset {
  const schema = labelled(dataset.schema, declared);
  return dataset.source
    ? createDataset(schema, dataset.source, options.split, dataset.vocabulary)
    : { ...dataset, schema };
}

/** The test examples after the training ones; test classes are matched to training ones by name. */
function joinTestSet(
  train: Dataset,
  test: Dataset,
  testSpec: ImportSpec,
): { source: NonNullable<Dataset['source']>; target: DatasetSchema['target'] } | DatasetIssue {
  const testFile =
    'file' in testSpec ? testSpec.file : 'folder' in testSpec ? testSpec.folder : testSpec.images;
  const issue = (message: string): DatasetIssue => ({
    severity: 'error',
    message,
    location: { file: testFile },
  });
  const [a, b] = [train.source, test.source];
  if (!a || !b) return issue('the test set cannot be read alongside the training data');
  const shape = (d: Dataset) => d.schema.inputShape.join('×');
  if (shape(train) !== shape(test)) {
    return issue(
      `test examples are ${shape(test)} but training examples are ${shape(train)}; give the test files the same layout`,
    );
  }
  const [ta, tb] = [train.schema.target, test.schema.target];
  if (ta.kind !== tb.kind)
    return issue(`the test file has ${tb.kind} targets but the training data has ${ta.kind}`);
  if (ta.kind !== 'classes' || tb.kind !== 'classes')
    return { source: withTestSet(a, b), target: ta };
  if (!ta.names || !tb.names) {
    const classes = Math.max(ta.classes, tb.classes);
    return { source: withTestSet(a, b), target: { ...ta, classes } };
  }
  const names = ta.names;
  const map = new Int32Array(tb.names.length);
  for (const [i, name] of tb.names.entries()) {
    const at = names.indexOf(name);
    if (at < 0) {
      return issue(
        `the test set has class "${name}", which the training data lacks (classes: ${names.join(', ')})`,
      );
    }
    map[i] = at;
  }
  return { source: withTestSet(a, remapClasses(b, map)), target: ta };
}
