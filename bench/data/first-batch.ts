// One measurement in a fresh process, so peak resident memory is this path's alone:
// `<mode> <folder>` prints one JSON line {ms, peakMiB, examples}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeclaredDataset } from '../../shared/project/datasets.js';
import { openDeclaredDataset } from '../../main/services/datasets/declared/open-declared.js';

const [mode, folder] = process.argv.slice(2);
const files = { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' };
const declared: DeclaredDataset = { id: 'digits', kind: 'idx', files, options: {} };

/** The reference: both files read whole, pixels scaled into one Float32Array, labels as ints. */
function plainNode(): { examples: number; first: Float32Array } {
  const images = readFileSync(join(folder, files.images));
  const labels = readFileSync(join(folder, files.labels));
  const count = images.readUInt32BE(4);
  const size = images.readUInt32BE(8) * images.readUInt32BE(12);
  const x = new Float32Array(count * size);
  for (let i = 0; i < x.length; i++) x[i] = images[16 + i] / 255;
  const y = Int32Array.from(labels.subarray(8));
  if (y.length !== count) throw new Error('labels do not match images');
  return { examples: count, first: x.subarray(0, 64 * size) };
}

async function strata(): Promise<{ examples: number; first: Float32Array }> {
  const opened = await openDeclaredDataset(join(folder, 'bench.strata'), declared, {
    cacheDir: join(folder, 'bench.runs', '.datasets'),
  });
  if (!opened.ok) throw new Error(opened.errors[0].message);
  const { dataset } = opened;
  const batch = dataset
    .batches('train', { batchSize: 64, shuffle: true, seed: 1, normalise: 'scale' })
    .next().value;
  if (!batch) throw new Error('no batch');
  return { examples: dataset.source?.count ?? 0, first: batch.x as Float32Array };
}

const start = performance.now();
const { examples, first } = mode === 'reference' ? plainNode() : await strata();
const ms = performance.now() - start;
if (first.length !== 64 * 784) throw new Error(`first batch has ${first.length} values`);
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ms, peakMiB, examples }));
