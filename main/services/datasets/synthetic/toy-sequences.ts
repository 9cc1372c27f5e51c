import { findDataset } from '../../../../shared/datasets/catalogue.js';
import type { Dataset } from '../dataset.js';
import { seededRandom } from '../seeded-random.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';

/** Generation settings; the same settings always give the same sequences. */
export interface ToySequenceOptions {
  count?: number;
  dataSeed?: number;
}

/** Token ids 1..classes are the markers; filler tokens are drawn from the ids above them. */
export function markerToken(classIndex: number): number {
  return classIndex + 1;
}

/**
 * Random filler sequences in which marker `c` (the class) is planted 3 to 6 times and every
 * other marker strictly fewer times, so the most frequent marker names the class.
 */
export function toySequences(
  length: number,
  vocabulary: number,
  classes: number,
  options: ToySequenceOptions = {},
): { tokens: Int32Array; labels: Int32Array } {
  const count = options.count ?? 2000;
  const random = seededRandom(options.dataSeed ?? 1);
  const firstFiller = classes + 1;
  const tokens = new Int32Array(count * length);
  const labels = new Int32Array(count);
  const positions = new Int32Array(length);
  for (let n = 0; n < count; n++) {
    const row = tokens.subarray(n * length, (n + 1) * length);
    for (let t = 0; t < length; t++) {
      row[t] = firstFiller + Math.floor(random() * (vocabulary - firstFiller));
    }
    const label = Math.floor(random() * classes);
    labels[n] = label;
    const top = 3 + Math.floor(random() * 4);
    // Draw distinct positions by a partial shuffle, then hand them out marker by marker.
    for (let t = 0; t < length; t++) positions[t] = t;
    let used = 0;
    const take = (marker: number, times: number) => {
      for (let k = 0; k < times; k++, used++) {
        const j = used + Math.floor(random() * (length - used));
        const p = positions[j];
        positions[j] = positions[used];
        positions[used] = p;
        row[p] = marker;
      }
    };
    take(markerToken(label), top);
    for (let c = 0; c < classes; c++) {
      if (c !== label) take(markerToken(c), Math.floor(random() * top));
    }
  }
  return { tokens, labels };
}

/** The `toy-sequences` dataset. */
export function openToySequences(options?: SplitOptions & ToySequenceOptions): Dataset {
  const schema = findDataset('toy-sequences');
  if (!schema || schema.target.kind !== 'classes') throw new Error('catalogue lacks toy-sequences');
  const length = schema.inputShape[0] ?? 40;
  const { tokens, labels } = toySequences(length, 1000, schema.target.classes, options);
  return createDataset(schema, tableSource(tokens, length, { kind: 'classes', labels }), options);
}
