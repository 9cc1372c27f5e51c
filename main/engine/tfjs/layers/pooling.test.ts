import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerDefinition } from '../../../../shared/layers/catalogue.js';
import { poolingLayers } from '../../../../shared/layers/pooling.js';
import type { TensorShape } from '../../../../shared/layers/shape.js';
import { compareFacts, tfjsSymbolicShape } from './parity.js';
import type { SpatialKind } from './spatial.js';

type Case = [kind: SpatialKind, params: Record<string, unknown>, input: TensorShape];

const windowCases = (kind: 'MaxPool2D' | 'AvgPool2D'): Case[] => [
  [kind, {}, [28, 28, 8]],
  [kind, { poolSize: [3, 3] }, [10, 11, 1]],
  [kind, { poolSize: [3, 3], strides: [2, 2], padding: 'same' }, [7, 9, 2]],
  [kind, { poolSize: [3, 2], strides: [1, 2] }, [6, 7, 3]],
  [kind, { poolSize: [5, 5], padding: 'same' }, [3, 4, 2]],
  [kind, { poolSize: [2, 2] }, [null, null, 4]],
];
const sequenceCases = (kind: 'MaxPool1D' | 'AvgPool1D'): Case[] => [
  [kind, {}, [20, 4]],
  [kind, { poolSize: 3 }, [11, 2]],
  [kind, { poolSize: 4, strides: 3, padding: 'same' }, [13, 3]],
  [kind, { poolSize: 2, strides: 1 }, [null, 5]],
];
const globalCases: Case[] = [
  ['GlobalAvgPool1D', {}, [9, 4]],
  ['GlobalAvgPool1D', {}, [null, 3]],
  ['GlobalMaxPool1D', {}, [9, 4]],
  ['GlobalMaxPool1D', {}, [null, 3]],
  ['GlobalAvgPool2D', {}, [5, 7, 3]],
  ['GlobalAvgPool2D', {}, [null, null, 6]],
  ['GlobalMaxPool2D', {}, [5, 7, 3]],
  ['GlobalMaxPool2D', {}, [null, 4, 2]],
];
const cases = [
  ...windowCases('MaxPool2D'),
  ...windowCases('AvgPool2D'),
  ...sequenceCases('MaxPool1D'),
  ...sequenceCases('AvgPool1D'),
  ...globalCases,
];

describe('pooling builders', () => {
  it.each(cases)('%s %j on %j: tfjs matches the catalogue', (kind, params, input) => {
    const { catalogue, tfjs, ran } = compareFacts(kind, params, input);
    expect(tfjs).toEqual(catalogue);
    expect(ran.tfjs).toEqual(ran.catalogue);
  });

  it('covers every pooling kind', () => {
    expect(new Set(cases.map(([kind]) => kind))).toEqual(new Set(Object.keys(poolingLayers)));
  });

  it('agrees with tfjs on 2D pooling shapes, and refuses exactly where tfjs has no output', () => {
    const axis = fc.record({
      size: fc.integer({ min: 1, max: 12 }),
      pool: fc.integer({ min: 1, max: 5 }),
      stride: fc.integer({ min: 1, max: 4 }),
    });
    const config = fc.record({
      kind: fc.constantFrom('MaxPool2D' as const, 'AvgPool2D' as const),
      h: axis,
      w: axis,
      padding: fc.constantFrom('valid', 'same'),
      defaultStrides: fc.boolean(),
    });
    fc.assert(
      fc.property(config, ({ kind, h, w, padding, defaultStrides }) => {
        const params = {
          poolSize: [h.pool, w.pool],
          strides: defaultStrides ? null : [h.stride, w.stride],
          padding,
        };
        const input = [h.size, w.size, 2];
        const definition = layerDefinition(kind);
        const inferred = definition.inferShape([input], definition.params.parse(params));
        if (inferred.ok) {
          const { catalogue, tfjs, ran } = compareFacts(kind, params, input);
          expect(tfjs).toEqual(catalogue);
          expect(ran.tfjs).toEqual(ran.catalogue);
        } else {
          expect(inferred.issue.code).toBe('size-mismatch');
          const [, height, width] = tfjsSymbolicShape(kind, params, input);
          expect(Math.min(height!, width!)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
