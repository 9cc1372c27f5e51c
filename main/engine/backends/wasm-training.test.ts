import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './ladder.js';

beforeAll(async () => {
  const choice = await selectBackend('wasm');
  if (!choice.ok) throw new Error(choice.error);
});

const L = tf.layers;

/** One small model per layer family whose backward pass needs kernels stock wasm lacks or had. */
const families: Record<
  string,
  { input: number[]; layers: () => tf.layers.Layer[]; tokens?: number }
> = {
  Conv1D: {
    input: [9, 3],
    layers: () => [L.conv1d({ filters: 4, kernelSize: 3, strides: 2 }), L.flatten()],
  },
  Conv2D: {
    input: [7, 7, 2],
    layers: () => [L.conv2d({ filters: 3, kernelSize: 3, padding: 'same' }), L.flatten()],
  },
  Conv2DTranspose: {
    input: [4, 4, 2],
    layers: () => [L.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2 }), L.flatten()],
  },
  SeparableConv2D: {
    input: [6, 6, 2],
    layers: () => [L.separableConv2d({ filters: 3, kernelSize: 3 }), L.flatten()],
  },
  DepthwiseConv2D: {
    input: [6, 6, 2],
    layers: () => [
      L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same' }),
      L.flatten(),
    ],
  },
  MaxPooling2D: { input: [6, 6, 2], layers: () => [L.maxPooling2d({ poolSize: 2 }), L.flatten()] },
  AveragePooling2D: {
    input: [6, 6, 2],
    layers: () => [L.averagePooling2d({ poolSize: 3, strides: 2 }), L.flatten()],
  },
  BatchNormalization: { input: [4, 4, 2], layers: () => [L.batchNormalization(), L.flatten()] },
  LayerNormalization: { input: [5, 4], layers: () => [L.layerNormalization(), L.flatten()] },
  Embedding: {
    input: [5],
    tokens: 10,
    layers: () => [L.embedding({ inputDim: 10, outputDim: 4 }), L.flatten()],
  },
  LSTM: { input: [5, 3], layers: () => [L.lstm({ units: 4 })] },
  GRU: { input: [5, 3], layers: () => [L.gru({ units: 4 })] },
};

describe('training on the completed wasm backend', () => {
  it.each(Object.keys(families))('takes a training step through %s', async (name) => {
    const family = families[name]!;
    const model = tf.sequential();
    model.add(L.inputLayer({ inputShape: family.input }));
    for (const layer of family.layers()) model.add(layer);
    model.add(L.dense({ units: 3, activation: 'softmax' }));
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    const shape = [4, ...family.input];
    const x =
      family.tokens === undefined
        ? tf.randomNormal(shape, 0, 1, 'float32', 1)
        : tf.randomUniform(shape, 0, family.tokens, 'int32', 1).cast('float32');
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3);
    const loss = (await model.trainOnBatch(x, y)) as number;
    expect(Number.isFinite(loss)).toBe(true);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('lowers the loss of a small CNN over a few steps', async () => {
    // Seeded weights: the same start, hence the same losses, on every run.
    const init = (seed: number) => tf.initializers.glorotUniform({ seed });
    const model = tf.sequential({
      layers: [
        L.conv2d({
          inputShape: [8, 8, 1],
          filters: 4,
          kernelSize: 3,
          activation: 'relu',
          kernelInitializer: init(1),
        }),
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({
          filters: 4,
          kernelSize: 3,
          padding: 'same',
          activation: 'relu',
          kernelInitializer: init(2),
        }),
        L.flatten(),
        L.dense({ units: 2, activation: 'softmax', kernelInitializer: init(3) }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.03), loss: 'categoricalCrossentropy' });
    // Bright top half versus bright bottom half: learnable in a few steps.
    const labels = Array.from({ length: 16 }, (_, i) => i % 2);
    const images = tf.tidy(() => {
      const rows = tf.range(0, 8).reshape([1, 8, 1, 1]);
      const top = rows.less(4).cast('float32');
      const pick = tf.tensor1d(labels, 'float32').reshape([16, 1, 1, 1]);
      const base = top.mul(pick).add(tf.scalar(1).sub(top).mul(tf.scalar(1).sub(pick)));
      return base.tile([1, 1, 8, 1]).add(tf.randomNormal([16, 8, 8, 1], 0, 0.1, 'float32', 2));
    });
    const targets = tf.oneHot(tf.tensor1d(labels, 'int32'), 2);
    const losses: number[] = [];
    const buffers: number[] = [];
    for (let step = 0; step < 8; step++) {
      losses.push((await model.trainOnBatch(images, targets)) as number);
      buffers.push(tf.engine().backend.numDataIds());
    }
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.5);
    // The composed kernels free their intermediates: no buffer outlives a step.
    expect(buffers.at(-1)).toBe(buffers[1]);
    tf.dispose([images, targets]);
    model.dispose();
  });
});
