import * as tf from '@tensorflow/tfjs';
import type { ModelInput } from '../../../shared/api/inspection.js';
import type { Pixels } from '../../../shared/api/training-events.js';
import { failure } from '../../../shared/api/reply.js';
import type { Reply } from '../../../shared/api/reply.js';
import { toPixels } from '../../engine/trainer/insights.js';
import type { Dataset, Normalisation } from '../datasets/dataset.js';
import { normaliseInPlace } from '../datasets/normalisation.js';
import { characterTokens, wordTokens } from '../datasets/vocabulary.js';
import { resample } from './resample.js';

/** One example ready for the model, and how to show it. */
export interface PreparedInput {
  /** `[1, ...inputShape]`, float32 or int32 like the dataset's inputs. */
  tensor: tf.Tensor;
  /** What the model saw: an image, the text of its tokens, or the scaled values. */
  shown: Pixels | string | number[];
  /** The example's label, when it came from the dataset. */
  label?: string;
  /** Token strings, one per input position, for sequence inputs. */
  tokens?: string[];
}

/** The dataset's input shape with every dimension known. */
function inputShapeOf(dataset: Dataset): number[] {
  return dataset.schema.inputShape.map((d) => d ?? 1);
}

/**
 * Turns the user's input into what the model was trained on: images resized and rescaled with
 * the train split's statistics, vectors scaled the same way, text tokenised with the
 * dataset's vocabulary and fitted to its window. Mismatches come back as errors naming both sides.
 */
export function prepareInput(
  dataset: Dataset,
  normalise: Normalisation,
  input: ModelInput,
): Reply<PreparedInput> {
  const shape = inputShapeOf(dataset);
  const size = shape.reduce((a, b) => a * b, 1);
  const { schema } = dataset;
  switch (input.kind) {
    case 'example':
      return validationExample(dataset, normalise, input.index);
    case 'image': {
      if (shape.length !== 3 || schema.inputDtype !== 'float32') {
        return failure('invalid-request', `${schema.label} takes ${describe(shape)}, not images.`);
      }
      const [height, width, channels] = shape;
      const values = resample(input.image, width, height, channels);
      // Pixels span the dataset's raw range per channel, then scale exactly as training did.
      const stats = dataset.inputStats();
      for (let i = 0; i < values.length; i++) {
        const c = i % stats.channels;
        values[i] = stats.min[c] + (values[i] / 255) * (stats.max[c] - stats.min[c]);
      }
      return floatInput(values, shape, dataset, normalise);
    }
    case 'vector': {
      if (schema.inputDtype !== 'float32' || input.values.length !== size) {
        return failure(
          'invalid-request',
          `${schema.label} takes ${describe(shape)}; got a vector of ${input.values.length} values.`,
        );
      }
      return floatInput(Float32Array.from(input.values), shape, dataset, normalise);
    }
    case 'text': {
      if (schema.inputDtype !== 'int32' || shape.length !== 1) {
        return failure('invalid-request', `${schema.label} takes ${describe(shape)}, not text.`);
      }
      return textInput(dataset, input.text, shape[0]);
    }
  }
}

function describe(shape: number[]): string {
  return shape.length === 1 ? `vectors of ${shape[0]} values` : `inputs shaped ${shape.join('×')}`;
}

function floatInput(
  values: Float32Array,
  shape: number[],
  dataset: Dataset,
  normalise: Normalisation,
): Reply<PreparedInput> {
  normaliseInPlace(values, values.length, dataset.inputStats(), normalise);
  return {
    ok: true,
    result: { tensor: tf.tensor(values, [1, ...shape]), shown: show(values, shape) },
  };
}

/** Images as pixels (the normalised values clamped to [0, 1]); anything else as numbers. */
function show(values: Float32Array, shape: number[]): PreparedInput['shown'] {
  return toPixels(values, shape) ?? Array.from(values);
}

/** Splits text the way the vocabulary was built: characters when every token is one. */
export function tokenise(vocabulary: readonly string[] | undefined, text: string): number[] {
  if (!vocabulary) {
    return (text.match(/\d+/g) ?? []).map(Number);
  }
  const ids = new Map(vocabulary.map((token, id) => [token, id]));
  const tokens = isCharacterVocabulary(vocabulary) ? characterTokens(text) : wordTokens(text);
  return tokens.map((t) => ids.get(t) ?? 0);
}

/** The id a short prompt is padded with on the left: a space when the vocabulary has one. */
export function paddingId(vocabulary: readonly string[] | undefined): number {
  const space = vocabulary?.indexOf(' ') ?? -1;
  return space > 0 ? space : 0;
}

function textInput(dataset: Dataset, text: string, length: number): Reply<PreparedInput> {
  const { vocabulary } = dataset;
  const ids = tokenise(vocabulary, text).slice(-length);
  const window = [...new Array<number>(length - ids.length).fill(paddingId(vocabulary)), ...ids];
  const tokens = window.map((id) => vocabulary?.[id] ?? String(id));
  return {
    ok: true,
    result: {
      tensor: tf.tensor2d([window], [1, length], 'int32'),
      shown: decodeTokens(vocabulary, ids),
      tokens,
    },
  };
}

/** Whether every token but the unknown one (id 0) is a single character. */
export function isCharacterVocabulary(vocabulary: readonly string[] | undefined): boolean {
  return !!vocabulary && vocabulary.slice(1).every((t) => Array.from(t).length === 1);
}

/** Token ids as text: characters joined as they are, words (or bare ids) with spaces. */
export function decodeTokens(
  vocabulary: readonly string[] | undefined,
  ids: ArrayLike<number>,
): string {
  const tokens = Array.from(ids, (id) => vocabulary?.[id] ?? String(id));
  return tokens.join(isCharacterVocabulary(vocabulary) ? '' : ' ');
}

function validationExample(
  dataset: Dataset,
  normalise: Normalisation,
  index: number,
): Reply<PreparedInput> {
  const count = dataset.size('validation');
  if (index >= count) {
    return failure(
      'invalid-request',
      `The validation split has ${count} examples; there is no example ${index}.`,
    );
  }
  const batchSize = 64;
  const wanted = Math.floor(index / batchSize);
  let seen = 0;
  for (const batch of dataset.batches('validation', { batchSize, normalise })) {
    if (seen++ < wanted) continue;
    const row = index % batchSize;
    const exampleSize = batch.x.length / batch.size;
    const shape = batch.xShape.slice(1);
    const x = batch.x.slice(row * exampleSize, (row + 1) * exampleSize);
    const tensor = tf.tensor(x, [1, ...shape], x instanceof Int32Array ? 'int32' : 'float32');
    const label = labelOf(dataset, batch.y, batch.yShape, row);
    if (x instanceof Int32Array) {
      const tokens = Array.from(x, (id) => dataset.vocabulary?.[id] ?? String(id));
      const shown = decodeTokens(dataset.vocabulary, x);
      return { ok: true, result: { tensor, shown, tokens, label } };
    }
    return { ok: true, result: { tensor, shown: show(x, shape), label } };
  }
  return failure('failed', `Could not read validation example ${index}.`);
}

function labelOf(
  dataset: Dataset,
  y: Float32Array | Int32Array,
  yShape: number[],
  row: number,
): string | undefined {
  const { target } = dataset.schema;
  if (target.kind !== 'classes' || yShape.length !== 1) return undefined;
  const id = y[row];
  return target.names?.[id] ?? String(id);
}
