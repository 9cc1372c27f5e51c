import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerDefinition } from '../../../../shared/layers/catalogue.js';
import { buildExpansion } from '../layers/expansion-model.js';
import { maxDifference, roundTrip } from './round-trip.js';
import { TransformerEncoderBlock } from './transformer-encoder.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const [steps, d] = [5, 6];
const options = { numHeads: 2, keyDim: 3, ffDim: 8, ffActivation: 'gelu', dropout: 0.1 } as const;

function encoderModel(causal: boolean) {
  const x = tf.input({ shape: [steps, d] });
  const block = new TransformerEncoderBlock({ ...options, causal, name: 'encoder' });
  const model = tf.model({ inputs: x, outputs: block.apply(x) as tf.SymbolicTensor });
  // Random weights everywhere: fresh zero biases and unit gains would hide their misuse.
  model.setWeights(
    model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.5, 'float32', i)),
  );
  return model;
}

/** The outputs at steps before `from` for `x`, and for `x` with steps from `from` on replaced. */
function beforeAndAfterChange(model: tf.LayersModel, from: number) {
  const x = tf.randomNormal([1, steps, d], 0, 1, 'float32', 11);
  const changed = tf.concat(
    [x.slice([0, 0, 0], [1, from, d]), tf.fill([1, steps - from, d], 3)],
    1,
  );
  const early = (t: tf.Tensor) => (model.predict(t) as tf.Tensor).slice([0, 0, 0], [1, from, d]);
  return [early(x), early(changed)];
}

describe('TransformerEncoderBlock (custom tfjs layer)', () => {
  it('with causal masking, changing later steps leaves earlier outputs unchanged', () => {
    const [a, b] = beforeAndAfterChange(encoderModel(true), 3);
    expect(maxDifference(a, b)).toBe(0);
  });

  it('without it, later steps do change earlier outputs', () => {
    const [a, b] = beforeAndAfterChange(encoderModel(false), 3);
    expect(maxDifference(a, b)).toBeGreaterThan(1e-4);
  });

  it('computes the same as its catalogue expansion given the same weights', () => {
    for (const causal of [false, true]) {
      const block = encoderModel(causal);
      const params = layerDefinition('TransformerEncoderBlock').params.parse({
        ...options,
        causal,
      });
      const nodes = layerDefinition('TransformerEncoderBlock').expand!(params, [[steps, d]]);
      const x = tf.input({ shape: [steps, d] });
      const expanded = tf.model({ inputs: x, outputs: buildExpansion(nodes, [x], `enc${causal}`) });
      expect(expanded.countParams()).toBe(block.countParams());
      expanded.setWeights(block.getWeights());
      const batch = tf.randomNormal([2, steps, d], 0, 1, 'float32', 12);
      expect(
        maxDifference(block.predict(batch) as tf.Tensor, expanded.predict(batch) as tf.Tensor),
      ).toBeLessThan(1e-4);
    }
  });

  it('survives a save/load round trip with equal predictions and config', async () => {
    const model = encoderModel(true);
    const loaded = await roundTrip(model);
    const x = tf.randomNormal([2, steps, d], 0, 1, 'float32', 13);
    expect(maxDifference(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
    expect(loaded.getLayer('encoder').getConfig()).toEqual(model.getLayer('encoder').getConfig());
  });

  it('trains: one fit step (dropout on) changes every weight that affects the output', async () => {
    const model = encoderModel(false);
    model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
    const before = model.getWeights().map((w) => w.clone());
    await model.fit(tf.randomNormal([4, steps, d]), tf.randomNormal([4, steps, d]), {
      epochs: 1,
      verbose: 0,
    });
    expect(model.trainableWeights.length).toBe(16);
    const unchanged = model.weights
      .filter((w, i) => maxDifference(w.read(), before[i]) === 0)
      .map((w) => w.originalName);
    // The key bias shifts every score of a query equally, which softmax cancels: no gradient.
    expect(unchanged).toEqual(['encoder/self_attention/key/bias']);
  });
});
