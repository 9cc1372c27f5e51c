import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerDefinition } from '../../../../shared/layers/catalogue.js';
import { buildExpansion } from '../layers/expansion-model.js';
import { maxDifference, roundTrip } from './round-trip.js';
import { TransformerDecoderBlock } from './transformer-decoder.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const [steps, d, sourceSteps, e] = [5, 6, 4, 3];
const options = { numHeads: 2, keyDim: 3, ffDim: 8, ffActivation: 'relu', dropout: 0 } as const;

function decoderModel() {
  const target = tf.input({ shape: [steps, d] });
  const memory = tf.input({ shape: [sourceSteps, e] });
  const block = new TransformerDecoderBlock({ ...options, name: 'decoder' });
  const output = block.apply([target, memory]) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [target, memory], outputs: output });
  // Random weights everywhere: fresh zero biases and unit gains would hide their misuse.
  model.setWeights(
    model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.5, 'float32', i)),
  );
  return model;
}

const target = () => tf.randomNormal([1, steps, d], 0, 1, 'float32', 21);
const memory = () => tf.randomNormal([1, sourceSteps, e], 0, 1, 'float32', 22);
const firstSteps = (t: tf.Tensor, n: number) => t.slice([0, 0, 0], [1, n, d]);

describe('TransformerDecoderBlock (custom tfjs layer)', () => {
  it('its self-attention is causal: changing later target steps leaves earlier outputs unchanged', () => {
    const model = decoderModel();
    const x = target();
    const changed = tf.concat([firstSteps(x, 2), tf.fill([1, steps - 2, d], 3)], 1);
    const a = model.predict([x, memory()]) as tf.Tensor;
    const b = model.predict([changed, memory()]) as tf.Tensor;
    expect(maxDifference(firstSteps(a, 2), firstSteps(b, 2))).toBe(0);
    expect(maxDifference(a, b)).toBeGreaterThan(1e-4);
  });

  it('every step attends to the whole encoder output', () => {
    const model = decoderModel();
    const changed = tf.concat([memory().slice([0, 0, 0], [1, 3, e]), tf.fill([1, 1, e], 3)], 1);
    const a = model.predict([target(), memory()]) as tf.Tensor;
    const b = model.predict([target(), changed]) as tf.Tensor;
    expect(maxDifference(firstSteps(a, 1), firstSteps(b, 1))).toBeGreaterThan(1e-4);
  });

  it('computes the same as its catalogue expansion given the same weights', () => {
    const block = decoderModel();
    const definition = layerDefinition('TransformerDecoderBlock');
    const nodes = definition.expand!(definition.params.parse(options), [
      [steps, d],
      [sourceSteps, e],
    ]);
    const inputs = [tf.input({ shape: [steps, d] }), tf.input({ shape: [sourceSteps, e] })];
    const expanded = tf.model({ inputs, outputs: buildExpansion(nodes, inputs, 'dec') });
    expect(expanded.countParams()).toBe(block.countParams());
    expanded.setWeights(block.getWeights());
    const batch = [target(), memory()];
    const [a, b] = [block.predict(batch), expanded.predict(batch)] as tf.Tensor[];
    expect(maxDifference(a, b)).toBeLessThan(1e-4);
  });

  it('survives a save/load round trip with equal predictions and config', async () => {
    const model = decoderModel();
    const loaded = await roundTrip(model);
    const batch = [target(), memory()];
    expect(
      maxDifference(model.predict(batch) as tf.Tensor, loaded.predict(batch) as tf.Tensor),
    ).toBe(0);
    expect(loaded.getLayer('decoder').getConfig()).toEqual(model.getLayer('decoder').getConfig());
  });
});
