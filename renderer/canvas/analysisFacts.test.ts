import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../shared/graph/analyze.js';
import type { GraphBody } from '../../shared/graph/document.js';
import { edgeFacts, nodeFacts } from './analysisFacts.js';
import { edgeDiagnostics, nodeDiagnostics } from './nodeSummary.js';

/** Input [4] → Dense(units) → Dense(3) → Output, with a dangling Add for a port problem. */
function graph(units: number): GraphBody {
  const node = (id: string, kind: string, params: Record<string, unknown> = {}) => ({
    id,
    kind,
    params,
    position: { x: 0, y: 0 },
  });
  return {
    nodes: [
      node('in', 'Input', { shape: [4] }),
      node('a', 'Dense', { units }),
      node('b', 'Dense', { units: 3 }),
      node('out', 'Output', { loss: 'mean_squared_error', metrics: [] }),
      node('add', 'Add'),
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'a', targetPort: 0 },
      { id: 'e2', source: 'a', target: 'b', targetPort: 0 },
      { id: 'e3', source: 'b', target: 'out', targetPort: 0 },
      { id: 'e4', source: 'in', target: 'add', targetPort: 0 },
    ],
  };
}

describe('analysis facts', () => {
  it('keep the same objects for nodes and edges an edit did not change', () => {
    const before = analyzeModel(graph(8));
    const after = analyzeModel(graph(9));
    const edges = graph(8).edges.map((e) => ({ ...e, port: e.targetPort }));
    const nodeBefore = new Map(graph(8).nodes.map((n) => [n.id, nodeFacts(before, n.id)]));
    const edgeBefore = new Map(edges.map((e) => [e.id, edgeFacts(before, e)]));

    // `a` now has 9 units: its own facts, its outgoing edge and `b`'s weight count change.
    const changedNodes = new Set(['a', 'b']);
    for (const [id, facts] of nodeBefore) {
      expect(nodeFacts(after, id) === facts, id).toBe(!changedNodes.has(id));
    }
    for (const edge of edges) {
      expect(edgeFacts(after, edge) === edgeBefore.get(edge.id), edge.id).toBe(edge.id !== 'e2');
    }
    expect(edgeFacts(after, edges[1]).shape).toBe('9');
    expect(nodeFacts(after, 'a').info).toBe(after.nodes.get('a'));
  });

  it('group problems exactly as the per-node and per-edge filters do', () => {
    const analysis = analyzeModel(graph(0));
    expect(analysis.diagnostics.length).toBeGreaterThan(0);
    for (const node of graph(0).nodes) {
      expect(nodeFacts(analysis, node.id).problems).toEqual(
        nodeDiagnostics(analysis.diagnostics, node.id),
      );
    }
    for (const edge of graph(0).edges) {
      const port = { id: edge.id, source: edge.source, target: edge.target, port: 0 };
      expect(edgeFacts(analysis, port).problems).toEqual(
        edgeDiagnostics(analysis.diagnostics, port),
      );
    }
  });
});
