import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { normalizationLayers } from '../../../../shared/layers/normalization.js';
import type { TensorShape } from '../../../../shared/layers/shape.js';
import { catalogueFacts, compareFacts } from './parity.js';
import type { SpatialKind } from './spatial.js';

type Case = [kind: SpatialKind, params: Record<string, unknown>, input: TensorShape];

const cases: Case[] = [
  ['BatchNormalization', {}, [10]],
  ['BatchNormalization', { momentum: 0.9, epsilon: 1e-5 }, [5, 5, 3]],
  ['BatchNormalization', {}, [null, 6]],
  ['BatchNormalization', {}, [null, 4, 5]],
  ['LayerNormalization', {}, [7]],
  ['LayerNormalization', { epsilon: 1e-6 }, [null, 16]],
  ['LayerNormalization', {}, [4, 4, 8]],
];

describe('normalization builders', () => {
  it.each(cases)('%s %j on %j: tfjs matches the catalogue', (kind, params, input) => {
    const { catalogue, tfjs, ran } = compareFacts(kind, params, input);
    expect(tfjs).toEqual(catalogue);
    expect(ran.tfjs).toEqual(ran.catalogue);
  });

  it('splits BatchNormalization weights as Keras does: half learned, half running statistics', () => {
    const { tfjs } = compareFacts('BatchNormalization', {}, [8, 8, 16]);
    expect(tfjs).toMatchObject({ trainable: 2 * 16, nonTrainable: 2 * 16, total: 4 * 16 });
  });

  it.each(['BatchNormalization', 'LayerNormalization'] as const)(
    'refuses %s on 4-axis examples, which tfjs cannot run',
    (kind) => {
      expect(() => catalogueFacts(kind, {}, [2, 3, 4, 5])).toThrow(/at most 3 axes/);
      const layer =
        kind === 'BatchNormalization'
          ? tf.layers.batchNormalization()
          : tf.layers.layerNormalization();
      expect(() => layer.apply(tf.zeros([1, 2, 3, 4, 5]))).toThrow(/rank 5/);
    },
  );

  it('covers every normalization kind', () => {
    expect(new Set(cases.map(([kind]) => kind))).toEqual(new Set(Object.keys(normalizationLayers)));
  });
});
