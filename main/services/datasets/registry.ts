import { builtInDatasets } from '../../../shared/datasets/catalogue.js';
import { builtInOpeners } from './built-in.js';
import type { DatasetResult } from './dataset.js';
import { downloadDataset, type DownloadSpec } from './download/download-dataset.js';
import { importDataset, type ImportSpec } from './import/import-spec.js';
import type { SplitOptions } from './splits.js';

/** A built-in id, files to import, or a well-known set to download. @public */
export type DatasetRequest = string | ImportSpec | DownloadSpec;

/** Opens any dataset Strata knows; problems come back as errors in the result, never thrown. */
export async function openDataset(
  request: DatasetRequest,
  options?: SplitOptions,
): Promise<DatasetResult> {
  if (typeof request !== 'string') {
    return request.kind === 'download'
      ? downloadDataset(request, options)
      : importDataset(request, options);
  }
  const open = builtInOpeners[request];
  if (!open) {
    const known = builtInDatasets.map((d) => d.id).join(', ');
    const message = `no built-in dataset "${request}" (built-in: ${known})`;
    return { ok: false, errors: [{ severity: 'error', message }] };
  }
  return { ok: true, dataset: open(options), warnings: [] };
}
