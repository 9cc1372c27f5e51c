import { join } from 'node:path';
import type { DeclaredDataset } from '../../../../shared/project/datasets.js';
import type { Project } from '../../../../shared/project/schema.js';
import { runsFolder, type RunConfig } from '../../runs/runs.js';

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
  if (projectFile === undefined) return id;
  const declared = project.datasets?.find((d) => d.id === id);
  return runDatasetRequest(projectFile, { dataset: id, declared });
}

/** What to open for the data a run trained on: its kept declaration, or its built-in id. */
export function runDatasetRequest(
  projectFile: string,
  run: Pick<RunConfig, 'dataset' | 'declared'>,
): DeclaredRequest | string {
  if (!run.declared) return run.dataset;
  return {
    kind: 'declared',
    projectFile,
    dataset: run.declared,
    cacheDir: decodedCacheFolder(projectFile),
  };
}
