import { describe, expect, it } from 'vitest';
import type { GraphBody } from '../../../../shared/graph/document.js';
import { convolutionLayers } from '../../../../shared/layers/convolution.js';
import { normalizationLayers } from '../../../../shared/layers/normalization.js';
import { poolingLayers } from '../../../../shared/layers/pooling.js';
import { reshapeLayers } from '../../../../shared/layers/reshape.js';
import { compileModel } from '../compile.js';
import { spatialBuilders } from './spatial.js';

const at = { x: 0, y: 0 };
const chainGraph = (...layers: [kind: string, params: Record<string, unknown>][]): GraphBody => ({
  nodes: layers.map(([kind, params], i) => ({ id: `n${i}`, kind, params, position: at })),
  edges: layers.slice(1).map((_, i) => ({
    id: `e${i}`,
    source: `n${i}`,
    target: `n${i + 1}`,
    targetPort: 0,
  })),
});

describe('spatial builders', () => {
  it('has one builder per kind of the four spatial families', () => {
    const kinds = [reshapeLayers, convolutionLayers, poolingLayers, normalizationLayers].flatMap(
      (family) => Object.keys(family),
    );
    expect(Object.keys(spatialBuilders).sort()).toEqual(kinds.sort());
  });

  it("compiles the MNIST convnet with Keras' parameter total", () => {
    const graph = chainGraph(
      ['Input', { shape: [28, 28, 1] }],
      ['Conv2D', { filters: 32 }],
      ['MaxPool2D', {}],
      ['Conv2D', { filters: 64 }],
      ['MaxPool2D', {}],
      ['Flatten', {}],
      ['Dense', { units: 64 }],
      ['Dense', { units: 10, activation: 'softmax' }],
      ['Output', {}],
    );
    const result = compileModel(graph);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    // Keras: 320 + 18,496 + (5·5·64)·64 + 64 + 64·10 + 10.
    expect(result.model.countParams()).toBe(320 + 18_496 + 1600 * 64 + 64 + 650);
    expect(result.analysis.totals.trainable).toBe(result.model.countParams());
    expect(result.model.outputs[0].shape).toEqual([null, 10]);
  });

  it('compiles a normalised encoder-decoder, keeping running statistics out of training', () => {
    const graph = chainGraph(
      ['Input', { shape: [16, 16, 3] }],
      ['Conv2D', { filters: 8, padding: 'same', strides: [2, 2] }],
      ['BatchNormalization', {}],
      ['Reshape', { targetShape: [-1, 8] }],
      ['LayerNormalization', {}],
      ['Reshape', { targetShape: [8, 8, 8] }],
      ['Conv2DTranspose', { filters: 3, padding: 'same' }],
      ['Output', { loss: 'mean_squared_error', metrics: [] }],
    );
    const result = compileModel(graph);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const { trainable, nonTrainable } = result.analysis.totals;
    expect(trainable + nonTrainable).toBe(result.model.countParams());
    expect(nonTrainable).toBe(2 * 8);
    expect(result.model.outputs[0].shape).toEqual([null, 16, 16, 3]);
  });
});
