import type { BlockDefinition, GraphEdge, ModelGraph } from '../../shared/graph/document.js';
import { freshId } from './ids.js';
import { handlePort, hasOutput, inputPorts } from './ports.js';

/** A connection the user is drawing, as React Flow reports it. */
export interface ConnectionAttempt {
  source: string | null;
  target: string | null;
  targetHandle?: string | null;
}

/**
 * An edge that may be drawn; `replaces` is the edge now feeding the same input, which drawing
 * this one takes out (as in node editors people know: a new wire into a used input wins).
 */
export type ConnectionCheck =
  { ok: true; edge: GraphEdge; replaces?: GraphEdge } | { ok: false; reason: string };

function reaches(graph: ModelGraph, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of graph.edges) if (edge.source === id) stack.push(edge.target);
  }
  return false;
}

const nameOf = (graph: ModelGraph, id: string) => {
  const node = graph.nodes.find((n) => n.id === id);
  return node?.name ?? node?.kind ?? id;
};

/** Whether an edge may be drawn, and if not, why in words the user can act on. */
export function checkConnection(
  graph: ModelGraph,
  blocks: readonly BlockDefinition[],
  attempt: ConnectionAttempt,
): ConnectionCheck {
  const source = graph.nodes.find((n) => n.id === attempt.source);
  const target = graph.nodes.find((n) => n.id === attempt.target);
  if (!source || !target) return { ok: false, reason: 'Connect two layers of this model.' };
  if (!hasOutput(source)) return { ok: false, reason: 'An Output layer has no output to connect.' };
  if (source.id === target.id) return { ok: false, reason: 'A layer cannot feed itself.' };
  const port = handlePort(attempt.targetHandle);
  const ports = inputPorts(target, graph, blocks);
  if (port >= ports.max) {
    return { ok: false, reason: `${nameOf(graph, target.id)} takes no more inputs.` };
  }
  const portName = ports.names[port] ?? `input ${port + 1}`;
  const taken = graph.edges.find((e) => e.target === target.id && e.targetPort === port);
  if (taken?.source === source.id) {
    return {
      ok: false,
      reason: `${nameOf(graph, source.id)} already feeds ${nameOf(graph, target.id)}'s ${portName}.`,
    };
  }
  if (reaches(graph, target.id, source.id)) {
    return {
      ok: false,
      reason: `Connecting ${nameOf(graph, source.id)} to ${nameOf(graph, target.id)} would create a cycle.`,
    };
  }
  const id = freshId('edge', new Set(graph.edges.map((e) => e.id)));
  const edge = { id, source: source.id, target: target.id, targetPort: port };
  return taken ? { ok: true, edge, replaces: taken } : { ok: true, edge };
}
