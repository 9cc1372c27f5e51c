import type { Diagnostic } from '../../shared/graph/diagnostics.js';
import type { GraphBody, GraphNode, ModelGraph } from '../../shared/graph/document.js';

/** Names longer than this are shortened in tables and messages, so columns stay readable. */
const NAME_WIDTH = 48;

/** A user's name as the CLI shows it: at most {@link NAME_WIDTH} characters. */
export function shortName(name: string): string {
  return name.length <= NAME_WIDTH ? name : `${name.slice(0, NAME_WIDTH - 1)}…`;
}

/** Nodes by id per graph, so labelling every row of a large graph is not quadratic. */
const indexes = new WeakMap<GraphBody, Map<string, GraphNode>>();

function findNode(graph: GraphBody, id: string): GraphNode | undefined {
  let index = indexes.get(graph);
  if (!index) {
    index = new Map();
    // The first node with an id wins, as the analysis keeps the first of duplicates.
    for (const node of graph.nodes) if (!index.has(node.id)) index.set(node.id, node);
    indexes.set(graph, index);
  }
  return index.get(id);
}

/** How a node appears in CLI output: `conv1 (Conv2D)`, its id when it has no name. */
export function nodeTitle(graph: GraphBody, nodeId: string): string {
  const node = findNode(graph, nodeId);
  if (!node) return shortName(nodeId);
  const name = node.name !== undefined && node.name !== '' ? node.name : node.id;
  return `${shortName(name)} (${shortName(node.kind)})`;
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
      : `edge ${shortName(target.edgeId)}`;
  }
  return `model "${shortName(model.name)}"`;
}

export { thousands } from '../../shared/graph/message-text.js';
