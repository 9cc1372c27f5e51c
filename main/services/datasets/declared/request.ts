import { join } from 'node:path';
import type { DeclaredDataset } from '../../../../shared/project/datasets.js';
import type { Project } from '../../../../shared/project/schema.js';
import { runsFolder } from '../../runs/runs.js';

/** A dataset the project declares, as plain data a trainer process can open. @public */
export interface DeclaredRequest {
  kind: 'declared';
  projectFile: string;
  dataset: DeclaredDataset;
  /** Folder of decoded caches; default beside the project's runs. */
  cacheDir?: string;
}

/** Where a project's decoded datasets are kept: `<name>.runs/.datasets`, beside its runs. */
export function decodedCacheFolder(projectFile: string): string {
  return join(runsFolder(projectFile), '.datasets');
}

/** What to open for a dataset id: the project's declaration of it, or the id of a built-in. */
export function projectDatasetRequest(
  project: Pick<Project, 'datasets'>,
  projectFile: string | undefined,
  id: string,
): DeclaredRequest | string {
  const declared = project.datasets?.find((d) => d.id === id);
  if (!declared || projectFile === undefined) return id;
  return {
    kind: 'declared',
    projectFile,
    dataset: declared,
    cacheDir: decodedCacheFolder(projectFile),
  };
}
