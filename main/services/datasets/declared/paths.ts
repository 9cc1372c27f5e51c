import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { datasetPaths, type DeclaredDataset } from '../../../../shared/project/datasets.js';
import type { DatasetIssue } from '../dataset.js';

/** A path as the project file stores it, made absolute against the project file's folder. */
export function resolveProjectPath(projectFile: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dirname(projectFile), path);
}

/** The declaration with every file path made absolute, so importers can read it anywhere. */
export function resolveDeclared(projectFile: string, dataset: DeclaredDataset): DeclaredDataset {
  const absolute = <T extends object>(files: T): T =>
    Object.fromEntries(
      Object.entries(files).map(([role, value]) => [
        role,
        typeof value === 'string' ? resolveProjectPath(projectFile, value) : value,
      ]),
    ) as T;
  const resolved = { ...dataset, files: absolute(dataset.files) } as DeclaredDataset;
  if ('test' in resolved && resolved.test) {
    return { ...resolved, test: absolute(resolved.test) } as DeclaredDataset;
  }
  return resolved;
}

/** One error per declared file or folder that is not there, naming the path it looked at. */
export async function missingFiles(
  projectFile: string,
  dataset: DeclaredDataset,
): Promise<DatasetIssue[]> {
  const issues: DatasetIssue[] = [];
  for (const { role, path } of datasetPaths(dataset)) {
    const file = resolveProjectPath(projectFile, path);
    const found = await stat(file).catch(() => undefined);
    if (!found) {
      // The location names the absolute path; the message names the path as the project has it.
      issues.push({
        severity: 'error',
        message: `dataset "${dataset.id}" ${role} "${path}" is missing; put the file back or re-add the dataset with its new path`,
        location: { file },
      });
    }
  }
  return issues;
}
