import { builtInDatasets } from '../../../shared/datasets/catalogue.js';
import { builtInOpeners } from './built-in.js';
import type { DatasetResult } from './dataset.js';
import { openDeclaredDataset } from './declared/open-declared.js';
import type { DeclaredRequest } from './declared/request.js';
import { downloadDataset, type DownloadSpec } from './download/download-dataset.js';
import { importDataset, type ImportSpec } from './import/import-spec.js';
import type { SplitOptions } from './splits.js';

/** A built-in id, files to import, a well-known set to download, or a project's declared one. @public */
export type DatasetRequest = string | ImportSpec | DownloadSpec | DeclaredRequest;

/** Opens any dataset Strata knows; problems come back as errors in the result, never thrown. */
export async function openDataset(
  request: DatasetRequest,
  options?: SplitOptions,
): Promise<DatasetResult> {
  if (typeof request !== 'string' && request.kind === 'declared') {
    const { projectFile, dataset, cacheDir } = request;
    return openDeclaredDataset(projectFile, dataset, { split: options, cacheDir });
  }
  if (typeof request !== 'string') {
    return request.kind === 'download'
      ? downloadDataset(request, options)
      : importDataset(request, options);
  }
  // Own keys only: "constructor" or "__proto__" must not reach Object.prototype.
  const open = Object.hasOwn(builtInOpeners, request) ? builtInOpeners[request] : undefined;
  if (!open) {
    const known = builtInDatasets.map((d) => d.id).join(', ');
    const message = `no built-in dataset "${request}" (built-in: ${known})`;
    return { ok: false, errors: [{ severity: 'error', message }] };
  }
  return { ok: true, dataset: open(options), warnings: [] };
}
