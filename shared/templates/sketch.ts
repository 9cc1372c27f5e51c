import type { GraphEdge, GraphNode, ModelGraph } from '../graph/document.js';

/** Vertical and horizontal distance between laid-out nodes, in canvas pixels. */
const ROW = 100;
const COLUMN = 220;

/**
 * Draws a model for a template: nodes are added with their inputs, and `done` lays them out
 * top-to-bottom, one row per depth and parallel branches side by side.
 */
export function sketch() {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const depth = new Map<string, number>();
  const counters = new Map<string, number>();

  /** Adds a node fed by `inputs` (port order) and returns its id: `name`, or `kind_n` like Keras. */
  const add = (
    kind: string,
    params: Record<string, unknown>,
    inputs: readonly string[] = [],
    name?: string,
  ): string => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const id = name ?? `${kind.toLowerCase()}_${n}`;
    if (depth.has(id)) throw new Error(`Template node id "${id}" is used twice.`);
    nodes.push({ id, kind, ...(name ? { name } : {}), params, position: { x: 0, y: 0 } });
    inputs.forEach((source, port) =>
      edges.push({ id: `${source}->${id}:${port}`, source, target: id, targetPort: port }),
    );
    depth.set(id, Math.max(-1, ...inputs.map((s) => depth.get(s)!)) + 1);
    return id;
  };

  /** Adds layers one after another from `from`; returns the last one's id. */
  const chain = (from: string, ...layers: [kind: string, params?: Record<string, unknown>][]) =>
    layers.reduce((previous, [kind, params = {}]) => add(kind, params, [previous]), from);

  const done = (id: string, name: string): ModelGraph => {
    const rows = new Map<number, GraphNode[]>();
    for (const node of nodes)
      rows.set(depth.get(node.id)!, [...(rows.get(depth.get(node.id)!) ?? []), node]);
    for (const [row, members] of rows) {
      members.forEach((node, i) => {
        node.position = { x: (i - (members.length - 1) / 2) * COLUMN, y: row * ROW };
      });
    }
    return { id, name, nodes, edges };
  };

  return { add, chain, done };
}
