import type { GraphNode, ModelGraph } from '../../shared/graph/document.js';
import { freshId } from './ids.js';

/** Pure edits of one model graph; each returns a new graph and leaves the old one intact. */

export function addNode(
  graph: ModelGraph,
  kind: string,
  position: { x: number; y: number },
  params: Record<string, unknown> = {},
  name?: string,
): { graph: ModelGraph; node: GraphNode } {
  const id = freshId(kind, new Set(graph.nodes.map((n) => n.id)));
  const node: GraphNode = { id, kind, ...(name ? { name } : {}), params, position };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, node };
}

/** Removes nodes, their edges, and the given edges. */
export function removeElements(
  graph: ModelGraph,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): ModelGraph {
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter(
      (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
    ),
  };
}

export function moveNodes(
  graph: ModelGraph,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): ModelGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const position = positions.get(n.id);
      return position ? { ...n, position } : n;
    }),
  };
}

/** Applies `change` to one node. */
export function updateNode(
  graph: ModelGraph,
  id: string,
  change: (node: GraphNode) => GraphNode,
): ModelGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? change(n) : n)) };
}

/** Sets one parameter; `undefined` removes it so the catalogue default applies. */
export function setParam(graph: ModelGraph, id: string, param: string, value: unknown): ModelGraph {
  return updateNode(graph, id, (node) => {
    const params = { ...node.params };
    if (value === undefined) delete params[param];
    else params[param] = value;
    return { ...node, params };
  });
}

export function renameNode(graph: ModelGraph, id: string, name: string): ModelGraph {
  return updateNode(graph, id, (node) => {
    const renamed: GraphNode = { ...node, name: name.trim() };
    if (renamed.name === '') delete renamed.name;
    return renamed;
  });
}
