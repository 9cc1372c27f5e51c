import * as tf from '@tensorflow/tfjs';
import type { Prediction } from '../../../shared/api/inspection.js';
import { toPixels } from '../../engine/trainer/insights.js';
import type { Dataset } from '../datasets/dataset.js';
import { decodeTokens, type PreparedInput } from './model-input.js';

/** Tokens a language model writes after the prompt. */
const CONTINUATION = 120;
/** As the training dashboard samples: a little more adventurous than the arg-max. */
const TEMPERATURE = 0.8;

/**
 * Runs the model on one prepared input and reads the answer the way the dataset's target means
 * it: class probabilities (most probable first), values, a reconstruction, or, for a language
 * model, a continuation of the prompt sampled token by token.
 */
export function predictOne(
  model: tf.LayersModel,
  dataset: Dataset,
  input: PreparedInput,
  seed = 1,
): Prediction['output'] {
  const { target } = dataset.schema;
  if (target.kind === 'next-token') return continueText(model, dataset, input, seed);
  const output = tf.tidy(() => model.predict(input.tensor) as tf.Tensor);
  const values = Array.from(output.dataSync());
  const shape = output.shape.slice(1);
  output.dispose();
  if (target.kind === 'classes') {
    // One sigmoid unit is a two-class answer: P(class 1) = p.
    const probabilities = values.length === 1 ? [1 - values[0], values[0]] : values;
    const classes = probabilities.map((probability, i) => ({
      label: target.names?.[i] ?? String(i),
      probability,
    }));
    return { kind: 'classes', classes: classes.sort((a, b) => b.probability - a.probability) };
  }
  if (target.kind === 'input') {
    const image = toPixels(values, dataset.schema.inputShape);
    if (image) return { kind: 'image', image };
  }
  return { kind: 'values', shape, values };
}

function continueText(
  model: tf.LayersModel,
  dataset: Dataset,
  input: PreparedInput,
  seed: number,
): Prediction['output'] {
  const window = Array.from(input.tensor.dataSync());
  const random = seededUniform(seed);
  const written: number[] = [];
  for (let i = 0; i < CONTINUATION; i++) {
    const probabilities = tf.tidy(() => {
      const x = tf.tensor2d([window], [1, window.length], 'int32');
      const out = model.predict(x) as tf.Tensor;
      // The last position's distribution over the next token, sharpened by the temperature.
      const last = out.slice([0, window.length - 1, 0], [1, 1, -1]).reshape([-1]);
      return tf.softmax(tf.div(tf.log(tf.add(last, 1e-9)), TEMPERATURE)).dataSync();
    });
    // Output units past the vocabulary (a model wider than the book's characters) never win.
    const known = Array.from(probabilities).slice(0, dataset.vocabulary?.length);
    const pick = sample(known, random() * known.reduce((a, b) => a + b, 0));
    written.push(pick);
    window.shift();
    window.push(pick);
  }
  return {
    kind: 'text',
    prompt: typeof input.shown === 'string' ? input.shown : '',
    continuation: decodeTokens(dataset.vocabulary, written),
    temperature: TEMPERATURE,
  };
}

/** The index whose cumulative probability first reaches `r`. */
export function sample(probabilities: ArrayLike<number>, r: number): number {
  let left = r;
  for (let k = 0; k < probabilities.length; k++) {
    left -= probabilities[k];
    if (left <= 0) return k;
  }
  return probabilities.length - 1;
}

/** A small deterministic generator of numbers in [0, 1), so a prompt's answer repeats. */
function seededUniform(seed: number): () => number {
  let state = seed | 0 || 1;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}
