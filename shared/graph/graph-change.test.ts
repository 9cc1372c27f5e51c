import { describe, expect, it } from 'vitest';
import type { ModelGraph } from './document.js';
import { graphChange } from './graph-change.js';
import { sketch } from '../templates/sketch.js';

function mlp(units: number): ModelGraph {
  const g = sketch();
  g.chain(
    g.add('Input', { shape: [784] }),
    ['Dense', { units, activation: 'relu' }],
    ['Dense', { units: 10, activation: 'softmax' }],
    ['Output', { loss: 'sparse_categorical_crossentropy' }],
  );
  return g.done('mlp', 'MLP');
}

const compare = (then: ModelGraph, now: ModelGraph) =>
  graphChange({ graph: then, blocks: [] }, { graph: now, blocks: [] });

describe('graphChange', () => {
  it('finds nothing when only positions and names moved', () => {
    const then = mlp(64);
    const now = {
      ...then,
      nodes: then.nodes.map((n) => ({ ...n, name: 'renamed', position: { x: 9, y: 9 } })),
    };
    expect(compare(then, now)).toBeUndefined();
  });

  it('names the parameter that changed', () => {
    expect(compare(mlp(64), mlp(96))).toBe('Dense: units changed');
  });

  it('sees added and removed nodes and rewired edges', () => {
    const then = mlp(64);
    const extra = { ...then.nodes[1], id: 'extra' };
    expect(compare(then, { ...then, nodes: [...then.nodes, extra] })).toBe('Dense was added');
    expect(compare({ ...then, nodes: [...then.nodes, extra] }, then)).toBe('Dense was removed');
    const rewired = { ...then, edges: then.edges.slice(1) };
    expect(compare(then, rewired)).toBe('the connections changed');
  });
});
