import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import type { DatasetResult } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';
import { pairImagesWithLabels } from './idx-pair.js';
import { isIssue, readIdxFile } from './idx.js';
import { fileIssue } from './read-file.js';

/** An IDX images file and its labels file (either may be gzipped). */
export interface IdxImportSpec {
  kind: 'idx';
  images: string;
  labels: string;
  name?: string;
  classNames?: readonly string[];
}

/** Imports an IDX images + labels pair as a classification dataset. */
export async function importIdx(
  spec: IdxImportSpec,
  options?: SplitOptions,
): Promise<DatasetResult> {
  const [images, labels] = await Promise.all([readIdxFile(spec.images), readIdxFile(spec.labels)]);
  const errors = [images, labels].filter(isIssue);
  if (isIssue(images) || isIssue(labels)) return { ok: false, errors };
  const table = pairImagesWithLabels(images, labels, spec);
  if ('severity' in table) return { ok: false, errors: [table] };
  const named = spec.classNames?.length;
  if (named !== undefined) {
    const item = table.labels.findIndex((label) => label >= named);
    if (item >= 0) {
      const message =
        `item ${item} has label ${table.labels[item]}, but only ${named} class names were ` +
        `given (labels 0 to ${named - 1}); fix the label or name every class`;
      return { ok: false, errors: [fileIssue(spec.labels, message)] };
    }
  }
  const classes = Math.max(table.classes, named ?? 0);
  const schema: DatasetSchema = {
    id: `imported:${spec.name ?? spec.images}`,
    label: spec.name ?? 'Imported IDX images',
    docs: `Images from ${spec.images}, labels from ${spec.labels}.`,
    inputShape: table.shape,
    inputDtype: 'float32',
    target: { kind: 'classes', classes, names: spec.classNames },
    source: 'imported',
  };
  const size = table.shape[0] * table.shape[1] * table.shape[2];
  const source = tableSource(table.pixels, size, { kind: 'classes', labels: table.labels });
  return { ok: true, dataset: createDataset(schema, source, options), warnings: [] };
}
