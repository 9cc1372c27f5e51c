import type { PixelImage } from '../../shared/api/inspection.js';

/** Ways a user can give a model one input, by what the run's dataset holds. */
export type InputMode = 'draw' | 'file' | 'text' | 'vector' | 'example';

/** The dataset facts the choice depends on (renderer:datasets.list's schema). */
export interface InputFacts {
  inputShape: readonly (number | null)[];
  inputDtype: 'float32' | 'int32';
}

/**
 * Which inputs make sense for a dataset: drawing for grayscale images (digits), image files for
 * any image, text for token sequences, numbers for feature vectors; a validation example always.
 */
export function inputModes(facts: InputFacts | undefined): InputMode[] {
  if (!facts) return ['example'];
  const { inputShape, inputDtype } = facts;
  if (inputDtype === 'int32') return ['text', 'example'];
  if (inputShape.length === 3) {
    return inputShape[2] === 1 ? ['draw', 'file', 'example'] : ['file', 'example'];
  }
  if (inputShape.length === 1) return ['vector', 'example'];
  return ['example'];
}

/** Numbers typed by the user, separated by commas or spaces; undefined when one is not a number. */
export function parseVector(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const values = parts.map(Number);
  return values.length > 0 && values.every(Number.isFinite) ? values : undefined;
}

/**
 * Attention weights `[query][key]` as a grayscale image, brightest where attention is strongest
 * (scaled by the largest weight, so a head that spreads thinly still shows its pattern).
 */
export function heatmap(weights: readonly (readonly number[])[]): PixelImage {
  const height = weights.length;
  const width = weights[0]?.length ?? 0;
  const peak = Math.max(...weights.flat(), 0);
  const data = weights.flat().map((w) => (peak > 0 ? Math.round((w / peak) * 255) : 0));
  return { width: Math.max(1, width), height: Math.max(1, height), channels: 1, data };
}
