import * as tf from '@tensorflow/tfjs';
import type { Pixels, TrainingEvent } from '../../../shared/api/training-events.js';
import type { BatchOptions, Dataset } from '../../services/datasets/dataset.js';
import { batchTensors } from './tensors.js';

const SAMPLES = 8;

/** A normalised example as a small image, when the dataset's inputs are images. */
export function toPixels(
  values: ArrayLike<number>,
  shape: readonly (number | null)[],
): Pixels | undefined {
  const [height, width, channels] = shape;
  if (shape.length !== 3 || !height || !width || (channels !== 1 && channels !== 3))
    return undefined;
  const data = Array.from({ length: height * width * channels }, (_, i) =>
    Math.round(Math.min(1, Math.max(0, values[i])) * 255),
  );
  return { width, height, channels, data };
}

function classNames(dataset: Dataset): string[] {
  const { target } = dataset.schema;
  if (target.kind !== 'classes') return [];
  return Array.from({ length: target.classes }, (_, i) => target.names?.[i] ?? String(i));
}

function describeInput(dataset: Dataset, values: ArrayLike<number>): Pixels | string {
  const image = toPixels(values, dataset.schema.inputShape);
  if (image) return image;
  const words = Array.from(values, (v) => dataset.vocabulary?.[v] ?? String(v));
  return words.every((w) => w.length === 1) ? words.join('') : words.join(' ');
}

/** The validation confusion matrix and a few sample predictions, wrong ones marked. */
export function classifierInsights(
  model: tf.LayersModel,
  dataset: Dataset,
  options: Omit<BatchOptions, 'batchSize'>,
  epoch: number,
): TrainingEvent[] {
  const labels = classNames(dataset);
  if (labels.length === 0 || dataset.size('validation') === 0) return [];
  const matrix = labels.map(() => labels.map(() => 0));
  // Samples spread over the split: datasets are often stored sorted by class.
  const stride = Math.max(1, Math.floor(dataset.size('validation') / SAMPLES));
  let seen = 0;
  const samples: Extract<TrainingEvent, { type: 'predictions' }>['samples'] = [];
  for (const batch of dataset.batches('validation', { ...options, batchSize: 256 })) {
    const { x, y } = batchTensors(batch);
    const predicted = tf.tidy(() => tf.argMax(model.predict(x) as tf.Tensor, -1).dataSync());
    const actual = y.dataSync();
    const exampleSize = batch.x.length / batch.size;
    predicted.forEach((p, i) => {
      matrix[actual[i]][p] += 1;
      if (seen++ % stride === 0 && samples.length < SAMPLES) {
        const input = batch.x.subarray(i * exampleSize, (i + 1) * exampleSize);
        samples.push({
          input: describeInput(dataset, input),
          label: labels[actual[i]],
          predicted: labels[p],
          correct: p === actual[i],
        });
      }
    });
    tf.dispose([x, y]);
  }
  return [
    { type: 'confusion', epoch, labels, matrix },
    { type: 'predictions', epoch, samples },
  ];
}

/** A few validation images next to the model's reconstructions of them. */
export function reconstructionInsights(
  model: tf.LayersModel,
  dataset: Dataset,
  options: Omit<BatchOptions, 'batchSize'>,
  epoch: number,
): TrainingEvent[] {
  const first = dataset.batches('validation', { ...options, batchSize: SAMPLES }).next();
  if (first.done) return [];
  const { x, y } = batchTensors(first.value);
  const output = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
  const originals = x.dataSync();
  tf.dispose([x, y]);
  const size = originals.length / first.value.size;
  const shape = dataset.schema.inputShape;
  const images: Pixels[] = [];
  for (let i = 0; i < first.value.size; i++) {
    for (const source of [originals, output]) {
      const image = toPixels(source.subarray(i * size, (i + 1) * size), shape);
      if (image) images.push(image);
    }
  }
  return images.length > 0 ? [{ type: 'generated', epoch, images }] : [];
}

/** Text the language model writes after a validation prompt, sampled at temperature 0.8. */
export function languageModelInsights(
  model: tf.LayersModel,
  dataset: Dataset,
  epoch: number,
  length = 200,
): TrainingEvent[] {
  const vocabulary = dataset.vocabulary;
  const first = dataset.batches('validation', { batchSize: 1, normalise: 'none' }).next();
  if (!vocabulary || first.done) return [];
  const window = Array.from(first.value.x);
  let random = 0x9e3779b9 ^ epoch;
  const nextRandom = () => {
    random = (Math.imul(random ^ (random >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return ((random >>> 0) % 1_000_000) / 1_000_000;
  };
  const written: number[] = [];
  for (let i = 0; i < length; i++) {
    const probabilities = tf.tidy(() => {
      const input = tf.tensor2d([window], [1, window.length], 'int32');
      const output = model.predict(input) as tf.Tensor;
      const last = output.slice([0, window.length - 1, 0], [1, 1, -1]).reshape([-1]);
      return tf.softmax(tf.div(tf.log(tf.add(last, 1e-9)), 0.8)).dataSync();
    });
    let pick = probabilities.length - 1;
    for (let r = nextRandom(), k = 0; k < probabilities.length; k++) {
      r -= probabilities[k];
      if (r <= 0) {
        pick = k;
        break;
      }
    }
    written.push(pick);
    window.shift();
    window.push(pick);
  }
  const decode = (ids: ArrayLike<number>) => Array.from(ids, (t) => vocabulary[t] ?? '').join('');
  return [{ type: 'generated', epoch, text: decode(first.value.x) + '⟶' + decode(written) }];
}
