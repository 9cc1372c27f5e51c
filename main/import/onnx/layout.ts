import type { GraphBody } from '../../../shared/graph/document.js';

const ROW = 110;
const COLUMN = 240;

/**
 * Places each node one row below its deepest input (nodes arrive in topological order), side by
 * side when several share a row: a top-to-bottom layout the editor can show as is.
 */
export function layoutTopToBottom<G extends GraphBody>(graph: G): G {
  const depth = new Map<string, number>();
  const perRow = new Map<number, number>();
  const nodes = graph.nodes.map((node) => {
    const inputs = graph.edges
      .filter((e) => e.target === node.id)
      .map((e) => depth.get(e.source) ?? 0);
    const row = inputs.length === 0 ? 0 : Math.max(...inputs) + 1;
    depth.set(node.id, row);
    const column = perRow.get(row) ?? 0;
    perRow.set(row, column + 1);
    return { ...node, position: { x: column * COLUMN, y: row * ROW } };
  });
  return { ...graph, nodes };
}
