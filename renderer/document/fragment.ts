import type {
  BlockDefinition,
  GraphEdge,
  GraphNode,
  ModelGraph,
} from '../../shared/graph/document.js';
import { freshId } from './ids.js';

/** Copied nodes with the edges among them (and the blocks they use): the clipboard's JSON. */
export interface Fragment {
  strata: 'fragment';
  nodes: GraphNode[];
  edges: GraphEdge[];
  blocks: BlockDefinition[];
}

/** The selected nodes and the edges whose both ends are selected. */
export function cutFragment(
  graph: ModelGraph,
  nodeIds: ReadonlySet<string>,
  blocks: readonly BlockDefinition[],
): Fragment {
  const nodes = graph.nodes.filter((n) => nodeIds.has(n.id));
  const used = new Set(nodes.map((n) => n.params.block));
  return {
    strata: 'fragment',
    nodes,
    edges: graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
    blocks: blocks.filter((b) => used.has(b.id)),
  };
}

/** Parses clipboard text; anything that is not a Strata fragment gives `undefined`. */
export function parseFragment(text: string): Fragment | undefined {
  try {
    const value = JSON.parse(text) as Partial<Fragment>;
    if (
      value?.strata !== 'fragment' ||
      !Array.isArray(value.nodes) ||
      !Array.isArray(value.edges)
    ) {
      return undefined;
    }
    return {
      strata: 'fragment',
      nodes: value.nodes,
      edges: value.edges,
      blocks: value.blocks ?? [],
    };
  } catch {
    return undefined;
  }
}

/**
 * Adds a fragment's nodes with fresh ids, shifted by `offset`; edges follow their renamed ends.
 * Returns the new graph and the ids of the pasted nodes (to select them).
 */
export function pasteFragment(
  graph: ModelGraph,
  fragment: Fragment,
  offset: { x: number; y: number },
): { graph: ModelGraph; nodeIds: string[] } {
  const takenNodes = new Set(graph.nodes.map((n) => n.id));
  const takenEdges = new Set(graph.edges.map((e) => e.id));
  const renamed = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const id = freshId(node.kind, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    return { ...node, id, position };
  });
  const edges = fragment.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) return [];
    const id = freshId('edge', takenEdges);
    takenEdges.add(id);
    return [{ ...edge, id, source, target }];
  });
  return {
    graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
  };
}
