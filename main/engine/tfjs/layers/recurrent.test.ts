import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sequenceParity } from './sequence-parity.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Keras' counts, written out from its cells: kernel in·u, recurrent kernel u·u, bias(es) u per gate. */
const keras = {
  SimpleRNN: (i: number, u: number) => i * u + u * u + u,
  LSTM: (i: number, u: number) => 4 * (i * u + u * u + u),
  GRU: (i: number, u: number) => 3 * (i * u + u * u + 2 * u), // reset_after=True, Keras' default
  GRUResetBefore: (i: number, u: number) => 3 * (i * u + u * u + u),
};

const cases = [
  { steps: 7, features: 3, units: 4, returnSequences: false },
  { steps: 5, features: 2, units: 3, returnSequences: true },
  { steps: null, features: 4, units: 2, returnSequences: true },
];

describe('recurrent builders', () => {
  for (const kind of ['SimpleRNN', 'LSTM', 'GRU'] as const) {
    it.each(cases)(
      `${kind}: $steps×$features → $units units (all steps: $returnSequences) matches catalogue and Keras`,
      (c) => {
        const { catalogue, tfjs, model } = sequenceParity(kind, c, [
          { shape: [c.steps, c.features] },
        ]);
        expect(tfjs.shape).toEqual(catalogue.shape);
        expect(tfjs.shape).toEqual(c.returnSequences ? [null, c.steps, c.units] : [null, c.units]);
        expect(tfjs.count).toBe(catalogue.count);
        expect(tfjs.count).toBe(keras[kind](c.features, c.units));
        const out = model.predict(tf.randomNormal([2, c.steps ?? 3, c.features])) as tf.Tensor;
        expect(out.shape).toEqual(c.returnSequences ? [2, c.steps ?? 3, c.units] : [2, c.units]);
      },
    );
  }

  it('GRU without resetAfter uses tfjs’ own cell and its smaller count', () => {
    const { catalogue, tfjs } = sequenceParity('GRU', { units: 4, resetAfter: false }, [
      { shape: [6, 3] },
    ]);
    expect(tfjs.count).toBe(catalogue.count);
    expect(tfjs.count).toBe(keras.GRUResetBefore(3, 4));
  });

  it.each([
    { layer: 'LSTM', mergeMode: 'concat', returnSequences: true },
    { layer: 'GRU', mergeMode: 'sum', returnSequences: false },
    { layer: 'SimpleRNN', mergeMode: 'ave', returnSequences: true },
    { layer: 'GRU', mergeMode: 'mul', returnSequences: true },
  ] as const)('Bidirectional $layer merged by $mergeMode matches catalogue and Keras', (c) => {
    const [steps, features, units] = [5, 3, 4];
    const { catalogue, tfjs, model } = sequenceParity('Bidirectional', { ...c, units }, [
      { shape: [steps, features] },
    ]);
    const width = c.mergeMode === 'concat' ? 2 * units : units;
    expect(tfjs.shape).toEqual(catalogue.shape);
    expect(tfjs.shape).toEqual(c.returnSequences ? [null, steps, width] : [null, width]);
    expect(tfjs.count).toBe(catalogue.count);
    expect(tfjs.count).toBe(2 * keras[c.layer](features, units));
    expect((model.predict(tf.randomNormal([1, steps, features])) as tf.Tensor).shape[1]).toBe(
      c.returnSequences ? steps : width,
    );
  });

  it.each([
    { shape: [6, 3], units: 5, activation: 'softmax' },
    { shape: [null, 4], units: 2, activation: 'leaky_relu' },
    { shape: [4, 3, 2], units: 3, activation: 'linear' },
  ] as const)('TimeDistributed Dense on $shape → $units matches catalogue and Keras', (c) => {
    const { catalogue, tfjs } = sequenceParity('TimeDistributed', c, [{ shape: c.shape }]);
    expect(tfjs.shape).toEqual(catalogue.shape);
    expect(tfjs.shape).toEqual([null, ...c.shape.slice(0, -1), c.units]);
    expect(tfjs.count).toBe(catalogue.count);
    const features = c.shape[c.shape.length - 1]!;
    expect(tfjs.count).toBe(features * c.units + c.units);
  });
});
