import { findDataset } from '../../../../shared/datasets/catalogue.js';
import type { Dataset } from '../dataset.js';
import { normalDraw, seededRandom } from '../seeded-random.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';

/** Generation settings; the same settings always give the same points. */
export interface SpiralOptions {
  perClass?: number;
  noise?: number;
  dataSeed?: number;
}

/**
 * Two interleaved spirals: point i of class k lies at radius r = i / n and angle
 * 3πr + kπ (one and a half turns), plus Gaussian noise.
 */
export function spiralPoints(options: SpiralOptions = {}): {
  points: Float32Array;
  labels: Int32Array;
} {
  const perClass = options.perClass ?? 500;
  const noise = options.noise ?? 0.02;
  const random = seededRandom(options.dataSeed ?? 1);
  const points = new Float32Array(perClass * 2 * 2);
  const labels = new Int32Array(perClass * 2);
  for (let k = 0; k < 2; k++) {
    for (let i = 0; i < perClass; i++) {
      const n = k * perClass + i;
      const r = (i + 1) / perClass;
      const angle = 3 * Math.PI * r + k * Math.PI;
      points[n * 2] = r * Math.cos(angle) + noise * normalDraw(random);
      points[n * 2 + 1] = r * Math.sin(angle) + noise * normalDraw(random);
      labels[n] = k;
    }
  }
  return { points, labels };
}

/** The `spirals` dataset. */
export function openSpirals(options?: SplitOptions & SpiralOptions): Dataset {
  const schema = findDataset('spirals');
  if (!schema) throw new Error('catalogue lacks spirals');
  const { points, labels } = spiralPoints(options);
  return createDataset(schema, tableSource(points, 2, { kind: 'classes', labels }), options);
}
