import { describe, expect, it } from 'vitest';
import { reshapeLayers } from '../../../../shared/layers/reshape.js';
import type { TensorShape } from '../../../../shared/layers/shape.js';
import { compareFacts } from './parity.js';
import type { SpatialKind } from './spatial.js';

type Case = [kind: SpatialKind, params: Record<string, unknown>, input: TensorShape];

const cases: Case[] = [
  ['Flatten', {}, [7, 7, 64]],
  ['Flatten', {}, [2, 3, 4, 5]],
  ['Flatten', {}, [5]],
  ['Reshape', {}, [4, 6, 2]],
  ['Reshape', { targetShape: [3, -1] }, [4, 6, 2]],
  ['Reshape', { targetShape: [2, 2, 12] }, [48]],
  ['Reshape', { targetShape: [-1, 3] }, [null, 6]],
  ['Permute', {}, [5, 7]],
  ['Permute', { dims: [3, 1, 2] }, [2, 3, 4]],
  ['Permute', { dims: [2, 1] }, [null, 7]],
  ['RepeatVector', {}, [5]],
  ['RepeatVector', { n: 1 }, [3]],
  ['UpSampling2D', {}, [5, 7, 3]],
  ['UpSampling2D', { size: [3, 1] }, [null, 4, 2]],
  ['ZeroPadding2D', {}, [5, 5, 2]],
  ['ZeroPadding2D', { padding: [1, 2, 3, 0] }, [6, 3, 1]],
  ['ZeroPadding2D', { padding: [0, 2, 0, 0] }, [null, 3, 1]],
  ['Cropping2D', {}, [9, 8, 3]],
  ['Cropping2D', { cropping: [1, 2, 0, 3] }, [9, 8, 3]],
  ['Cropping2D', { cropping: [0, 0, 0, 0] }, [4, 5, 1]],
  ['Cropping2D', { cropping: [2, 1, 1, 1] }, [null, 8, 3]],
];

describe('reshape builders', () => {
  it.each(cases)('%s %j on %j: tfjs matches the catalogue', (kind, params, input) => {
    const { catalogue, tfjs, ran } = compareFacts(kind, params, input);
    expect(tfjs).toEqual(catalogue);
    expect(ran.tfjs).toEqual(ran.catalogue);
  });

  it('covers every reshape kind', () => {
    expect(new Set(cases.map(([kind]) => kind))).toEqual(new Set(Object.keys(reshapeLayers)));
  });
});
