import type { GraphEdge, GraphNode, ModelGraph } from '../../shared/graph/document.js';
import { freshId } from './ids.js';

/** Edits that put a new node into an existing path; each returns a new graph. */

const edgeIds = (graph: ModelGraph) => new Set(graph.edges.map((e) => e.id));

function newEdge(
  taken: Set<string>,
  source: string,
  target: string,
  targetPort: number,
): GraphEdge {
  const id = freshId('edge', taken);
  taken.add(id);
  return { id, source, target, targetPort };
}

/**
 * Splits edge `edgeId` (A → B) by `node`, already in the graph: A → node → B, with node fed on
 * its first input and B fed on the port the edge used. `undefined` when there is no such edge.
 */
export function spliceIntoEdge(
  graph: ModelGraph,
  nodeId: string,
  edgeId: string,
): ModelGraph | undefined {
  const edge = graph.edges.find((e) => e.id === edgeId);
  if (!edge || edge.source === nodeId || edge.target === nodeId) return undefined;
  const taken = edgeIds(graph);
  const into = newEdge(taken, edge.source, nodeId, 0);
  const out = newEdge(taken, nodeId, edge.target, edge.targetPort);
  return {
    ...graph,
    edges: [...graph.edges.filter((e) => e.id !== edgeId), into, out],
  };
}

/** Every node fed, directly or not, by `from` (not `from` itself). */
function downstream(graph: ModelGraph, from: string): Set<string> {
  const found = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const edge of graph.edges) {
      if (edge.source === id && !found.has(edge.target)) {
        found.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return found;
}

/**
 * Puts `node` (already in the graph) right after `afterId`: it takes over every consumer of
 * `afterId` and is fed by it, so adding after a layer in a chain keeps the chain whole. What
 * followed moves down by `shift` to make room, as lines do when one is inserted in a text.
 */
export function insertAfter(
  graph: ModelGraph,
  afterId: string,
  nodeId: string,
  shift = 0,
): ModelGraph {
  const taken = edgeIds(graph);
  const moved = shift === 0 ? new Set<string>() : downstream(graph, afterId);
  const edges = graph.edges.map((e) => (e.source === afterId ? { ...e, source: nodeId } : e));
  const nodes = graph.nodes.map((n) =>
    moved.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + shift } } : n,
  );
  return { ...graph, nodes, edges: [...edges, newEdge(taken, afterId, nodeId, 0)] };
}

/** Where a node added after `after` goes, and how far what follows moves down for it. */
export function placeBelow(
  after: GraphNode,
  size: { width: number; height: number },
): { position: { x: number; y: number }; shift: number } {
  const shift = size.height + 50;
  return { position: { x: after.position.x, y: after.position.y + shift }, shift };
}
