import type { Diagnostic } from '../../shared/graph/diagnostics.js';
import type { GraphBody, ModelGraph } from '../../shared/graph/document.js';

/** How a node appears in CLI output: `conv1 (Conv2D)`, its id when it has no name. */
export function nodeTitle(graph: GraphBody, nodeId: string): string {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return nodeId;
  return `${node.name !== undefined && node.name !== '' ? node.name : node.id} (${node.kind})`;
}

/** What a diagnostic is about: a node, an edge between two nodes, or the model. */
export function diagnosticSubject(model: ModelGraph, diagnostic: Diagnostic): string {
  const { target } = diagnostic;
  if (target.type === 'node') {
    const port = target.port === undefined ? '' : ` input ${target.port + 1}`;
    const param = target.param === undefined || target.param === '' ? '' : ` "${target.param}"`;
    return `${nodeTitle(model, target.nodeId)}${port}${param}`;
  }
  if (target.type === 'edge') {
    const edge = model.edges.find((e) => e.id === target.edgeId);
    return edge
      ? `edge ${nodeTitle(model, edge.source)} → ${nodeTitle(model, edge.target)}`
      : `edge ${target.edgeId}`;
  }
  return `model "${model.name}"`;
}

/** `93322` → `93,322`. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
