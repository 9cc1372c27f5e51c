import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { DatasetPreview } from '../../../../shared/api/data-channels.js';
import type { DeclaredDataset } from '../../../../shared/project/datasets.js';
import { formatIssue } from '../../../../shared/project/issues.js';
import { readProject, writeProject } from '../../projects/files.js';
import { describeIssue } from '../dataset.js';
import { openDeclaredDataset, type DownloadOptions } from './open-declared.js';
import { previewDataset } from './preview.js';
import { decodedCacheFolder } from './request.js';

export interface DataOptions {
  /** Decoded caches; default beside the project's runs. */
  cacheDir?: string;
  download?: DownloadOptions;
  /** Examples in the preview. */
  examples?: number;
}

/** A dataset that opened, with what the project file records and what the panel shows. */
export type Inspected =
  | { ok: true; declared: DeclaredDataset; preview: DatasetPreview }
  | { ok: false; errors: string[] };

/**
 * A path the user gave (absolute, or relative to `cwd`) as the project file stores it: relative
 * to the project's folder, so the folder can move; absolute when there is no relative way.
 */
export function projectRelative(
  projectFile: string,
  userPath: string,
  cwd = process.cwd(),
): string {
  const absolute = resolve(cwd, userPath);
  const rel = relative(dirname(resolve(cwd, projectFile)), absolute);
  return rel === '' || isAbsolute(rel) ? absolute : rel.split(sep).join('/');
}

/** Class names the user gave must cover every label in the files. */
function classNameProblem(declared: DeclaredDataset, preview: DatasetPreview): string | undefined {
  if (declared.kind !== 'idx' || !declared.options.classNames) return undefined;
  const named = declared.options.classNames.length;
  const seen = [...(preview.histogram ?? []), ...(preview.testHistogram ?? [])].length;
  const highest = Math.max(
    ...[preview.histogram ?? [], preview.testHistogram ?? []].map((h) =>
      h.reduce((top, n, label) => (n > 0 ? label : top), -1),
    ),
  );
  if (seen === 0 || highest < named) return undefined;
  return `${declared.files.labels}: label ${highest} but ${named} class names; give one name per class (0 to ${highest})`;
}

/** Opens a declaration (nothing is written) and returns its summary and a preview. */
export async function inspectDeclared(
  projectFile: string,
  declared: DeclaredDataset,
  options: DataOptions = {},
): Promise<Inspected> {
  const opened = await openDeclaredDataset(projectFile, declared, {
    cacheDir: options.cacheDir ?? decodedCacheFolder(projectFile),
    download: options.download,
  });
  if (!opened.ok) return { ok: false, errors: opened.errors.map(describeIssue) };
  const preview = previewDataset(opened.dataset, opened.warnings, opened.cached, options.examples);
  const problem = classNameProblem(declared, preview);
  if (problem) return { ok: false, errors: [problem] };
  return { ok: true, declared: { ...declared, summary: preview.summary }, preview };
}

/**
 * Adds a dataset to the project file: it is opened first, and the project is saved (atomically)
 * only when that succeeded, so a failed import leaves the file as it was.
 */
export async function addDeclaredDataset(
  projectFile: string,
  declared: DeclaredDataset,
  options: DataOptions & { replace?: boolean } = {},
): Promise<Inspected> {
  const loaded = await readProject(projectFile);
  if (!loaded.ok) {
    return { ok: false, errors: loaded.errors.map((e) => `${projectFile}: ${formatIssue(e)}`) };
  }
  const project = loaded.project;
  const others = (project.datasets ?? []).filter((d) => d.id !== declared.id);
  if (!options.replace && others.length !== (project.datasets ?? []).length) {
    return {
      ok: false,
      errors: [
        `the project already has a dataset "${declared.id}"; choose another id (--id) or replace it (--replace)`,
      ],
    };
  }
  const inspected = await inspectDeclared(projectFile, declared, options);
  if (!inspected.ok) return inspected;
  const saved = await writeProject(projectFile, {
    ...project,
    datasets: [...others, inspected.declared],
  });
  return saved.ok ? inspected : { ok: false, errors: [saved.message] };
}
