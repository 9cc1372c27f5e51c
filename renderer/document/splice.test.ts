import { describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../shared/graph/document.js';
import { insertAfter, placeBelow, spliceIntoEdge } from './splice.js';

const at = (y: number) => ({ x: 0, y });
/** Input → Dense → Output, plus a lone Dropout to put somewhere. */
function chain(): ModelGraph {
  return {
    id: 'm',
    name: 'M',
    nodes: [
      { id: 'in', kind: 'Input', params: {}, position: at(0) },
      { id: 'dense', kind: 'Dense', params: {}, position: at(100) },
      { id: 'out', kind: 'Output', params: {}, position: at(200) },
      { id: 'drop', kind: 'Dropout', params: {}, position: at(500) },
    ],
    edges: [
      { id: 'a', source: 'in', target: 'dense', targetPort: 0 },
      { id: 'b', source: 'dense', target: 'out', targetPort: 0 },
    ],
  };
}
const wires = (g: ModelGraph) => g.edges.map((e) => `${e.source}>${e.target}:${e.targetPort}`);

describe('splicing a node into an edge', () => {
  it('replaces A → B by A → node → B', () => {
    const spliced = spliceIntoEdge(chain(), 'drop', 'b')!;
    expect(wires(spliced).sort()).toEqual(['dense>drop:0', 'drop>out:0', 'in>dense:0']);
    expect(new Set(spliced.edges.map((e) => e.id)).size).toBe(3);
  });

  it('keeps the port the edge fed, so a merge keeps its input order', () => {
    const graph = chain();
    graph.edges[1] = { ...graph.edges[1], targetPort: 1 };
    expect(wires(spliceIntoEdge(graph, 'drop', 'b')!)).toContain('drop>out:1');
  });

  it('refuses an unknown edge or an edge of the node itself', () => {
    expect(spliceIntoEdge(chain(), 'drop', 'nope')).toBeUndefined();
    expect(spliceIntoEdge(chain(), 'dense', 'b')).toBeUndefined();
  });
});

describe('adding a node after another', () => {
  it('hands the new node the consumers and feeds it from the chosen one', () => {
    const graph = insertAfter(chain(), 'in', 'drop');
    expect(wires(graph).sort()).toEqual(['drop>dense:0', 'in>drop:0', 'dense>out:0'].sort());
  });

  it('moves what follows down to make room, and nothing else', () => {
    const graph = chain();
    const { position, shift } = placeBelow(graph.nodes[0], { width: 200, height: 60 });
    expect(position).toEqual({ x: 0, y: 110 });
    const moved = insertAfter(graph, 'in', 'drop', shift);
    const y = Object.fromEntries(moved.nodes.map((n) => [n.id, n.position.y]));
    expect(y).toEqual({ in: 0, dense: 100 + shift, out: 200 + shift, drop: 500 });
  });
});
