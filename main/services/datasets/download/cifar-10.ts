import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import type { DatasetResult } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';
import { tarGzEntries } from './tar-entries.js';

const SIDE = 32;
const PLANE = SIDE * SIDE;
const RECORD = 1 + 3 * PLANE;

/**
 * CIFAR-10's binary version: `data_batch_1..5.bin` and `test_batch.bin`, each a run of records of
 * one label byte then 1024 red, 1024 green and 1024 blue bytes (channels first), made
 * channels-last here.
 */
export async function openCifar10(
  schema: DatasetSchema,
  archive: string,
  options?: SplitOptions,
): Promise<DatasetResult> {
  const batches = new Map<string, Buffer>();
  for await (const entry of tarGzEntries(archive, (name) =>
    /(data_batch_\d+|test_batch)\.bin$/.test(name),
  )) {
    if (entry.data.length % RECORD !== 0) {
      const message = `${entry.name} is ${entry.data.length} bytes, not a whole number of ${RECORD}-byte records`;
      return { ok: false, errors: [{ severity: 'error', message, location: { file: archive } }] };
    }
    batches.set(entry.name.split('/').pop() as string, entry.data);
  }
  const trainNames = [...batches.keys()].filter((n) => n.startsWith('data_batch')).sort();
  if (trainNames.length === 0 || !batches.has('test_batch.bin')) {
    const message = 'the archive lacks data_batch_*.bin or test_batch.bin';
    return { ok: false, errors: [{ severity: 'error', message, location: { file: archive } }] };
  }
  const ordered = [...trainNames, 'test_batch.bin'].map((n) => batches.get(n) as Buffer);
  const count = ordered.reduce((sum, b) => sum + b.length / RECORD, 0);
  const pixels = new Uint8Array(count * 3 * PLANE);
  const labels = new Int32Array(count);
  let n = 0;
  for (const data of ordered) {
    for (let at = 0; at < data.length; at += RECORD, n++) {
      labels[n] = data[at];
      for (let p = 0; p < PLANE; p++) {
        for (let c = 0; c < 3; c++) pixels[(n * PLANE + p) * 3 + c] = data[at + 1 + c * PLANE + p];
      }
    }
  }
  const testCount = (batches.get('test_batch.bin') as Buffer).length / RECORD;
  const source = tableSource(
    pixels,
    3 * PLANE,
    { kind: 'classes', labels },
    { from: count - testCount, to: count },
  );
  return { ok: true, dataset: createDataset(schema, source, options), warnings: [] };
}
