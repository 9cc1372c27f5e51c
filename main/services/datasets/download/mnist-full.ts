import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import type { DatasetResult } from '../dataset.js';
import { pairImagesWithLabels } from '../import/idx-pair.js';
import { isIssue, readIdxFile } from '../import/idx.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';

/** The full MNIST from its four cached IDX files: train first, the official test set last. */
export async function openMnistFull(
  schema: DatasetSchema,
  paths: Record<string, string>,
  options?: SplitOptions,
): Promise<DatasetResult> {
  const parts = [];
  for (const prefix of ['train', 't10k']) {
    const files = {
      images: paths[`${prefix}-images-idx3-ubyte.gz`],
      labels: paths[`${prefix}-labels-idx1-ubyte.gz`],
    };
    const [images, labels] = await Promise.all([
      readIdxFile(files.images),
      readIdxFile(files.labels),
    ]);
    if (isIssue(images)) return { ok: false, errors: [images] };
    if (isIssue(labels)) return { ok: false, errors: [labels] };
    const table = pairImagesWithLabels(images, labels, files);
    if ('severity' in table) return { ok: false, errors: [table] };
    parts.push(table);
  }
  const [train, test] = parts;
  const size = 28 * 28;
  const pixels = new Uint8Array(train.pixels.length + test.pixels.length);
  pixels.set(train.pixels);
  pixels.set(test.pixels, train.pixels.length);
  const labels = new Int32Array(train.labels.length + test.labels.length);
  labels.set(train.labels);
  labels.set(test.labels, train.labels.length);
  const presetTest = { from: train.labels.length, to: labels.length };
  const source = tableSource(pixels, size, { kind: 'classes', labels }, presetTest);
  return { ok: true, dataset: createDataset(schema, source, options), warnings: [] };
}
