import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sequenceParity } from './sequence-parity.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('embedding builders', () => {
  it.each([
    { inputDim: 10, outputDim: 4, steps: 6 },
    { inputDim: 50, outputDim: 3, steps: null },
    { inputDim: 1, outputDim: 1, steps: 1 },
  ])('Embedding $inputDim→$outputDim over $steps steps matches the catalogue and Keras', (c) => {
    const { catalogue, tfjs, model } = sequenceParity('Embedding', c, [
      { shape: [c.steps], dtype: 'int32' },
    ]);
    expect(tfjs.shape).toEqual(catalogue.shape);
    expect(tfjs.shape).toEqual([null, c.steps, c.outputDim]);
    expect(tfjs.count).toBe(catalogue.count);
    expect(tfjs.count).toBe(c.inputDim * c.outputDim); // Keras: input_dim × output_dim
    const ids = tf.tensor2d([[0, c.inputDim - 1]], [1, 2], 'int32');
    if (c.steps === null)
      expect((model.predict(ids) as tf.Tensor).shape).toEqual([1, 2, c.outputDim]);
  });

  it.each([
    { maxLength: 8, steps: 8, d: 4 },
    { maxLength: 16, steps: 5, d: 3 },
    { maxLength: 12, steps: null, d: 2 },
  ])('PositionEmbedding for $steps steps of $d (max $maxLength) matches the catalogue', (c) => {
    const { catalogue, tfjs, model } = sequenceParity('PositionEmbedding', c, [
      { shape: [c.steps, c.d] },
    ]);
    expect(tfjs.shape).toEqual(catalogue.shape);
    expect(tfjs.count).toBe(catalogue.count);
    expect(tfjs.count).toBe(c.maxLength * c.d);
    const steps = c.steps ?? 3;
    const x = tf.zeros([2, steps, c.d]);
    const table = model.getWeights()[0];
    // On a zero input the output is exactly the first rows of the learned table.
    const out = model.predict(x) as tf.Tensor;
    expect(out.slice([1, 0, 0], [1, steps, c.d]).reshape([steps, c.d]).arraySync()).toEqual(
      table.slice([0, 0], [steps, c.d]).arraySync(),
    );
  });

  it.each([
    { steps: 6, d: 4 },
    { steps: null, d: 5 },
  ])('SinusoidalPositionalEncoding adds sin/cos by position ($steps×$d), no weights', (c) => {
    const { catalogue, tfjs, model } = sequenceParity('SinusoidalPositionalEncoding', {}, [
      { shape: [c.steps, c.d] },
    ]);
    expect(tfjs.shape).toEqual(catalogue.shape);
    expect(tfjs.count).toBe(0);
    expect(catalogue.count).toBe(0);
    const out = (
      model.predict(tf.ones([1, c.steps ?? 4, c.d])) as tf.Tensor
    ).arraySync() as number[][][];
    const pos = 3;
    // Vaswani et al.: PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(same angle).
    expect(out[0][pos][0]).toBeCloseTo(1 + Math.sin(pos), 5);
    expect(out[0][pos][1]).toBeCloseTo(1 + Math.cos(pos), 5);
    expect(out[0][pos][2]).toBeCloseTo(1 + Math.sin(pos / 10000 ** (2 / c.d)), 5);
    expect(out[0][0][1]).toBeCloseTo(2, 5);
  });
});
