import type { DatasetResult } from '../dataset.js';
import type { SplitOptions } from '../splits.js';
import { importCsv, type CsvImportSpec } from './import-csv.js';
import { importIdx, type IdxImportSpec } from './import-idx.js';
import { importImageFolder, type ImageFolderImportSpec } from './import-image-folder.js';
import { importText, type TextImportSpec } from './import-text.js';

/** What to import from the user's files. @public */
export type ImportSpec = IdxImportSpec | CsvImportSpec | ImageFolderImportSpec | TextImportSpec;

/** Imports a dataset from the user's files; never throws for bad files. Nothing is written. */
export function importDataset(spec: ImportSpec, options?: SplitOptions): Promise<DatasetResult> {
  switch (spec.kind) {
    case 'idx':
      return importIdx(spec, options);
    case 'csv':
      return importCsv(spec, options);
    case 'image-folder':
      return importImageFolder(spec, options);
    case 'text':
      return importText(spec, options);
  }
}
