import { findDataset } from '../../../../shared/datasets/catalogue.js';
import type { Dataset } from '../dataset.js';
import { normalDraw, seededRandom } from '../seeded-random.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';

/** Generation settings; the same settings always give the same sequences. */
export interface SineOptions {
  count?: number;
  noise?: number;
  dataSeed?: number;
}

/**
 * Sequences a·sin(ω t + φ) + noise for t = 0..steps; inputs are the first `steps` values and
 * the target is the next (noisy) value. Amplitude in [0.5, 1.5], period 10 to 40 steps.
 */
export function sineSequences(
  steps: number,
  options: SineOptions = {},
): { inputs: Float32Array; next: Float32Array } {
  const count = options.count ?? 2000;
  const noise = options.noise ?? 0.05;
  const random = seededRandom(options.dataSeed ?? 1);
  const inputs = new Float32Array(count * steps);
  const next = new Float32Array(count);
  for (let n = 0; n < count; n++) {
    const amplitude = 0.5 + random();
    const omega = (2 * Math.PI) / (10 + 30 * random());
    const phase = 2 * Math.PI * random();
    for (let t = 0; t <= steps; t++) {
      const value = amplitude * Math.sin(omega * t + phase) + noise * normalDraw(random);
      if (t < steps) inputs[n * steps + t] = value;
      else next[n] = value;
    }
  }
  return { inputs, next };
}

/** The `sine-sequences` dataset: [steps, 1] inputs, a [1] target. */
export function openSineSequences(options?: SplitOptions & SineOptions): Dataset {
  const schema = findDataset('sine-sequences');
  if (!schema) throw new Error('catalogue lacks sine-sequences');
  const steps = schema.inputShape[0] ?? 50;
  const { inputs, next } = sineSequences(steps, options);
  const target = { kind: 'values' as const, values: next, size: 1 };
  return createDataset(schema, tableSource(inputs, steps, target), options);
}
