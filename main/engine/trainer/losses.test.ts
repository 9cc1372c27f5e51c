import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracyValue, lossValue } from './losses.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const value = (t: tf.Scalar) => t.dataSync()[0];

describe('lossValue', () => {
  const probabilities = tf.tensor2d([
    [0.7, 0.2, 0.1],
    [0.1, 0.1, 0.8],
  ]);

  it('computes sparse categorical cross-entropy as -mean(log p[label])', () => {
    const loss = lossValue(
      'sparse_categorical_crossentropy',
      tf.tensor1d([0, 1], 'int32'),
      probabilities,
    );
    expect(value(loss)).toBeCloseTo(-(Math.log(0.7) + Math.log(0.1)) / 2, 6);
  });

  it('agrees between sparse and one-hot targets', () => {
    const sparse = lossValue(
      'sparse_categorical_crossentropy',
      tf.tensor1d([2, 2], 'int32'),
      probabilities,
    );
    const dense = lossValue(
      'categorical_crossentropy',
      tf.oneHot(tf.tensor1d([2, 2], 'int32'), 3),
      probabilities,
    );
    expect(value(sparse)).toBeCloseTo(value(dense), 6);
  });

  it('averages sparse cross-entropy over sequence positions too', () => {
    const sequence = tf.tensor3d([
      [
        [0.5, 0.5],
        [0.9, 0.1],
      ],
    ]);
    const loss = lossValue(
      'sparse_categorical_crossentropy',
      tf.tensor2d([[0, 0]], undefined, 'int32'),
      sequence,
    );
    expect(value(loss)).toBeCloseTo(-(Math.log(0.5) + Math.log(0.9)) / 2, 6);
  });

  it('computes binary cross-entropy, squared, absolute and Huber errors', () => {
    const p = tf.tensor2d([[0.8], [0.4]]);
    const y = tf.tensor1d([1, 0]);
    expect(value(lossValue('binary_crossentropy', y, p))).toBeCloseTo(
      -(Math.log(0.8) + Math.log(0.6)) / 2,
      6,
    );
    const prediction = tf.tensor2d([[1], [4]]);
    const target = tf.tensor2d([[0], [1]]);
    expect(value(lossValue('mean_squared_error', target, prediction))).toBeCloseTo(5, 6);
    expect(value(lossValue('mean_absolute_error', target, prediction))).toBeCloseTo(2, 6);
    expect(value(lossValue('huber', target, prediction))).toBeCloseTo((0.5 + 2.5) / 2, 6);
  });
});

describe('accuracyValue', () => {
  it('counts arg-max hits for class indices', () => {
    const p = tf.tensor2d([
      [0.7, 0.3],
      [0.4, 0.6],
      [0.9, 0.1],
    ]);
    const acc = accuracyValue(
      'sparse_categorical_crossentropy',
      tf.tensor1d([0, 0, 0], 'int32'),
      p,
    );
    expect(value(acc)).toBeCloseTo(2 / 3, 6);
  });
});
