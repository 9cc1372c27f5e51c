import { analyzeModel } from './analyze.js';
import {
  BLOCK_KIND,
  type BlockDefinition,
  type GraphBody,
  type GraphEdge,
  type GraphNode,
} from './document.js';
import { freshId } from './flatten.js';
import { quoteValue } from './message-text.js';

/** A document edit that either worked or says, in the user's words, why it cannot be done. */
export type EditResult<T> = ({ ok: true } & T) | { ok: false; reason: string };

const centre = (nodes: readonly GraphNode[]) => ({
  x: nodes.reduce((s, n) => s + n.position.x, 0) / Math.max(nodes.length, 1),
  y: nodes.reduce((s, n) => s + n.position.y, 0) / Math.max(nodes.length, 1),
});

/**
 * Turns selected nodes into a block definition and one `Block` node wired to the same outside
 * edges. Each distinct outside tensor feeding the selection becomes one block input.
 */
export function groupIntoBlock<G extends GraphBody>(
  graph: G,
  nodeIds: readonly string[],
  name: string,
  takenBlockIds: Iterable<string> = [],
): EditResult<{ graph: G; block: BlockDefinition; nodeId: string }> {
  const chosen = new Set(nodeIds);
  const inside = graph.nodes.filter((n) => chosen.has(n.id));
  if (inside.length === 0) return { ok: false, reason: 'Select the layers to group first.' };
  if (inside.length !== chosen.size) {
    return { ok: false, reason: 'Some selected nodes are not in this graph.' };
  }
  const boundary = inside.find((n) => n.kind === 'Input' || n.kind === 'Output');
  if (boundary) {
    return {
      ok: false,
      reason: `${boundary.kind} nodes mark the model's boundary and cannot go inside a block.`,
    };
  }
  const incoming = graph.edges.filter((e) => !chosen.has(e.source) && chosen.has(e.target));
  const outgoing = graph.edges.filter((e) => chosen.has(e.source) && !chosen.has(e.target));
  const internal = graph.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
  const leaving = [...new Set(outgoing.map((e) => e.source))];
  if (leaving.length > 1) {
    return {
      ok: false,
      reason: `A block has one result, but ${leaving.length} selected layers feed layers outside the selection.`,
    };
  }
  let output = leaving[0];
  if (output === undefined) {
    const sinks = inside.filter((n) => !internal.some((e) => e.source === n.id));
    if (sinks.length !== 1) {
      return { ok: false, reason: 'The selection must end in exactly one layer, its result.' };
    }
    output = sinks[0].id;
  }
  if (leavesAndReturns(graph, chosen)) {
    return {
      ok: false,
      reason: 'A path leaves the selection and comes back into it; select the layers on it too.',
    };
  }

  const analysis = analyzeModel(graph);
  const innerIds = new Set<string | undefined>(inside.map((n) => n.id));
  const sources = [...new Set(incoming.map((e) => e.source))];
  const ports = sources.map((source) => freshId(`in_${source}`, innerIds));
  const blockInputs: GraphNode[] = sources.map((source, k) => {
    const shape = analysis.nodes.get(source)?.shape;
    const from = graph.nodes.find((n) => n.id === source)!.position;
    return {
      id: ports[k],
      kind: 'Input',
      params: shape && shape.length > 0 ? { shape: [...shape] } : {},
      position: { x: from.x, y: from.y },
    };
  });
  const taken = new Set<string | undefined>(takenBlockIds);
  const block: BlockDefinition = {
    id: freshId(`block_${name.replace(/[^A-Za-z0-9_-]/g, '_') || 'unnamed'}`, taken),
    name,
    inputs: ports,
    output,
    nodes: [...blockInputs, ...inside],
    edges: [
      ...internal,
      ...incoming.map((e) => ({ ...e, source: ports[sources.indexOf(e.source)] })),
    ],
  };

  const graphIds = new Set<string | undefined>(graph.nodes.map((n) => n.id));
  const nodeId = freshId('block', graphIds);
  const blockNode: GraphNode = {
    id: nodeId,
    kind: BLOCK_KIND,
    name,
    params: { block: block.id },
    position: centre(inside),
  };
  const portEdges: GraphEdge[] = sources.map((source, k) => ({
    ...incoming.find((e) => e.source === source)!,
    target: nodeId,
    targetPort: k,
  }));
  const nodes = graph.nodes.filter((n) => !chosen.has(n.id));
  const edges = graph.edges
    .filter((e) => !chosen.has(e.target))
    .map((e) => (chosen.has(e.source) ? { ...e, source: nodeId } : e));
  return {
    ok: true,
    graph: { ...graph, nodes: [...nodes, blockNode], edges: [...edges, ...portEdges] },
    block,
    nodeId,
  };
}

/** Whether some outside node lies on a path from the selection back into it (grouping would loop). */
function leavesAndReturns(graph: GraphBody, chosen: Set<string>): boolean {
  const consumers = new Map<string, string[]>();
  for (const e of graph.edges)
    consumers.set(e.source, [...(consumers.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const queue = graph.edges
    .filter((e) => chosen.has(e.source) && !chosen.has(e.target))
    .map((e) => e.target);
  for (let i = 0; i < queue.length; i++) {
    if (seen.has(queue[i])) continue;
    seen.add(queue[i]);
    for (const next of consumers.get(queue[i]) ?? []) {
      if (chosen.has(next)) return true;
      queue.push(next);
    }
  }
  return false;
}

/** Replaces a Block node by a copy of its definition's layers (one level), ids kept unique. */
export function expandBlockNode<G extends GraphBody>(
  graph: G,
  nodeId: string,
  blocks: readonly BlockDefinition[],
): EditResult<{ graph: G }> {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node || node.kind !== BLOCK_KIND) return { ok: false, reason: 'That is not a Block node.' };
  const block = blocks.find((b) => b.id === node.params.block);
  if (!block)
    return { ok: false, reason: `The block ${quoteValue(node.params.block)} is not defined.` };

  const taken = new Set<string | undefined>([
    ...graph.nodes.map((n) => n.id),
    ...graph.edges.map((e) => e.id),
  ]);
  const ids = new Map<string, string>();
  const inner = block.nodes.filter((n) => !block.inputs.includes(n.id));
  const from = centre(inner);
  for (const n of inner) ids.set(n.id, freshId(`${nodeId}_${n.id}`, taken));
  const portSource = (port: number) =>
    graph.edges.find((e) => e.target === nodeId && e.targetPort === port)?.source;
  const resolve = (id: string) => {
    const port = block.inputs.indexOf(id);
    return port >= 0 ? portSource(port) : ids.get(id);
  };
  const result = resolve(block.output);

  const nodes = graph.nodes.filter((n) => n.id !== nodeId);
  for (const n of inner) {
    nodes.push({
      ...n,
      id: ids.get(n.id)!,
      position: {
        x: n.position.x - from.x + node.position.x,
        y: n.position.y - from.y + node.position.y,
      },
    });
  }
  const edges: GraphEdge[] = [];
  for (const e of graph.edges) {
    if (e.target === nodeId) continue;
    if (e.source !== nodeId) edges.push(e);
    else if (result !== undefined) edges.push({ ...e, source: result });
  }
  for (const e of block.edges) {
    const source = resolve(e.source);
    const target = ids.get(e.target);
    if (source === undefined || target === undefined) continue;
    edges.push({ ...e, id: freshId(`${nodeId}_${e.id}`, taken), source, target });
  }
  return { ok: true, graph: { ...graph, nodes, edges } };
}
