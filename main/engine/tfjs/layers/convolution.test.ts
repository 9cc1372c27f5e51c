import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerDefinition } from '../../../../shared/layers/catalogue.js';
import { convolutionLayers } from '../../../../shared/layers/convolution.js';
import type { TensorShape } from '../../../../shared/layers/shape.js';
import { compareFacts, tfjsFacts, tfjsSymbolicShape } from './parity.js';
import type { SpatialKind } from './spatial.js';

type Case = [kind: SpatialKind, params: Record<string, unknown>, input: TensorShape];

const cases: Case[] = [
  ['Conv1D', {}, [20, 4]],
  ['Conv1D', { filters: 5, kernelSize: 5, strides: 3, padding: 'same' }, [17, 2]],
  ['Conv1D', { kernelSize: 4, strides: 2, useBias: false }, [15, 3]],
  ['Conv1D', { kernelSize: 3, dilationRate: 3, activation: 'leaky_relu' }, [19, 3]],
  ['Conv1D', { filters: 6, kernelSize: 2, padding: 'same' }, [null, 8]],
  ['Conv2D', {}, [28, 28, 1]],
  ['Conv2D', { filters: 8, kernelSize: [5, 3], strides: [2, 3], padding: 'same' }, [13, 17, 3]],
  ['Conv2D', { filters: 4, kernelSize: [4, 4], strides: [2, 2], useBias: false }, [11, 10, 3]],
  ['Conv2D', { filters: 3, dilationRate: [2, 3] }, [15, 16, 2]],
  ['Conv2D', { filters: 3, dilationRate: [2, 2], padding: 'same' }, [9, 9, 4]],
  ['Conv2D', { filters: 2, kernelSize: [1, 1], activation: 'leaky_relu' }, [8, 8, 5]],
  ['Conv2D', { filters: 2, strides: [2, 2] }, [null, null, 3]],
  ['Conv2DTranspose', {}, [7, 7, 4]],
  ['Conv2DTranspose', { filters: 3, kernelSize: [2, 2], padding: 'same' }, [5, 3, 2]],
  ['Conv2DTranspose', { filters: 3, kernelSize: [5, 3], strides: [3, 1] }, [5, 6, 2]],
  [
    'Conv2DTranspose',
    { filters: 2, kernelSize: [1, 1], strides: [3, 3], useBias: false },
    [4, 5, 1],
  ],
  ['Conv2DTranspose', { filters: 2, strides: [1, 1], padding: 'same' }, [null, 6, 3]],
  ['SeparableConv2D', {}, [12, 12, 3]],
  [
    'SeparableConv2D',
    { filters: 6, depthMultiplier: 3, strides: [2, 2], padding: 'same' },
    [9, 11, 2],
  ],
  ['SeparableConv2D', { filters: 4, dilationRate: [2, 2], useBias: false }, [10, 9, 3]],
  ['SeparableConv2D', { filters: 4, kernelSize: [1, 3], activation: 'leaky_relu' }, [null, 7, 2]],
  ['DepthwiseConv2D', {}, [8, 8, 3]],
  ['DepthwiseConv2D', { depthMultiplier: 2, strides: [2, 1], padding: 'same' }, [7, 9, 3]],
  ['DepthwiseConv2D', { kernelSize: [5, 5], useBias: false }, [11, 6, 2]],
  ['DepthwiseConv2D', { kernelSize: [3, 1], depthMultiplier: 4 }, [null, null, 1]],
];

describe('convolution builders', () => {
  it.each(cases)('%s %j on %j: tfjs matches the catalogue', (kind, params, input) => {
    const { catalogue, tfjs, ran } = compareFacts(kind, params, input);
    expect(tfjs).toEqual(catalogue);
    expect(ran.tfjs).toEqual(ran.catalogue);
  });

  it('covers every convolution kind', () => {
    expect(new Set(cases.map(([kind]) => kind))).toEqual(new Set(Object.keys(convolutionLayers)));
  });

  it('reports strides with dilation as a bad parameter, which tfjs refuses when it runs', () => {
    const params = { strides: [2, 2], dilationRate: [2, 2] };
    const conv2d = layerDefinition('Conv2D');
    const inferred = conv2d.inferShape([[9, 9, 1]], conv2d.params.parse(params));
    expect(inferred).toMatchObject({
      ok: false,
      issue: { code: 'bad-param', param: 'dilationRate' },
    });
    expect(() => tfjsFacts('Conv2D', params, [9, 9, 1])).toThrow(/dilation/i);
  });

  it('agrees with tfjs on Conv2D output shapes, and refuses exactly where tfjs has no output', () => {
    const axis = fc.record({
      size: fc.integer({ min: 1, max: 16 }),
      kernel: fc.integer({ min: 1, max: 5 }),
      stride: fc.integer({ min: 1, max: 3 }),
      dilation: fc.integer({ min: 1, max: 3 }),
    });
    const config = fc.record({
      h: axis,
      w: axis,
      padding: fc.constantFrom('valid', 'same'),
      dilate: fc.boolean(),
    });
    fc.assert(
      fc.property(config, ({ h, w, padding, dilate }) => {
        const params = {
          filters: 2,
          kernelSize: [h.kernel, w.kernel],
          padding,
          // tfjs refuses strides and dilation together, so each case picks one of them.
          strides: dilate ? [1, 1] : [h.stride, w.stride],
          dilationRate: dilate ? [h.dilation, w.dilation] : [1, 1],
        };
        const input = [h.size, w.size, 2];
        const conv2d = layerDefinition('Conv2D');
        const inferred = conv2d.inferShape([input], conv2d.params.parse(params));
        if (inferred.ok) {
          const { catalogue, tfjs, ran } = compareFacts('Conv2D', params, input);
          expect(tfjs).toEqual(catalogue);
          expect(ran.tfjs).toEqual(ran.catalogue);
        } else {
          expect(inferred.issue.code).toBe('size-mismatch');
          const [, height, width] = tfjsSymbolicShape('Conv2D', params, input);
          expect(Math.min(height!, width!)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
