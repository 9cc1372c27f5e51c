import { describe, expect, it } from 'vitest';
import { V1_MODEL_ID, v1ToV2 } from './v1-to-v2.js';

const node = (id: string, kind: string, params: Record<string, unknown>) => ({
  id,
  kind,
  params,
  position: { x: 0, y: 0 },
});

describe('v1 → v2', () => {
  it('moves the single graph into a model named after the project', () => {
    const nodes = [node('a', 'Input', { shape: [4] }), node('b', 'Output', {})];
    const edges = [{ id: 'e', source: 'a', target: 'b', targetPort: 0 }];
    const doc = v1ToV2.up({ formatVersion: 1, name: 'Iris', graph: { nodes, edges } });
    expect(doc.models).toEqual([{ id: V1_MODEL_ID, name: 'Iris', nodes, edges }]);
    expect(doc.blocks).toEqual([]);
    expect(doc).not.toHaveProperty('graph');
    expect(doc).not.toHaveProperty('training');
  });

  it('turns the flat training settings into a recipe for that model', () => {
    const doc = v1ToV2.up({
      formatVersion: 1,
      name: 'x',
      graph: { nodes: [], edges: [] },
      training: {
        dataset: 'sine-sequences',
        optimizer: 'rmsprop',
        learningRate: 0.01,
        batchSize: 8,
        epochs: 2,
        validationSplit: 0.2,
      },
    });
    expect(doc.recipe).toEqual({
      task: 'regression',
      model: V1_MODEL_ID,
      dataset: 'sine-sequences',
      optimizer: { name: 'rmsprop', learningRate: 0.01 },
      batchSize: 8,
      epochs: 2,
      validationSplit: 0.2,
    });
  });

  it('picks the built-in dataset whose examples fit the Input when none was saved', () => {
    const nodes = [node('a', 'Input', { shape: [40] })];
    const doc = v1ToV2.up({ formatVersion: 1, name: 'x', graph: { nodes, edges: [] } });
    expect(doc.recipe).toMatchObject({ dataset: 'toy-sequences', task: 'sequence-classification' });
  });

  it('infers each task from what its dataset predicts', () => {
    const taskOf = (dataset: string) =>
      (v1ToV2.up({ formatVersion: 1, graph: {}, training: { dataset } }).recipe as { task: string })
        .task;
    expect(taskOf('mnist')).toBe('classification');
    expect(taskOf('moby-dick-chars')).toBe('language-model');
    expect(taskOf('mnist-autoencoder')).toBe('autoencoder');
  });

  it('does not throw on a document without a graph; the loader reports it', () => {
    const doc = v1ToV2.up({ formatVersion: 1, graph: 'nonsense' });
    expect(doc.models).toEqual([
      { id: V1_MODEL_ID, name: 'Untitled', nodes: undefined, edges: [] },
    ]);
  });
});
