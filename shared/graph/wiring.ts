import { isLayerKind, layerDefinition } from '../layers/catalogue.js';
import type { LayerDefinition } from '../layers/definition.js';
import { edgeError, modelError, nodeError, type Diagnostic } from './diagnostics.js';
import { BLOCK_KIND, type GraphBody, type GraphEdge, type GraphNode } from './document.js';
import { quoteValue } from './message-text.js';
import { parseParams } from './params.js';
import { reportUnknownParams } from './unknown-params.js';

/** A node with its definition, parsed parameters and what feeds each of its input ports. */
export interface WiredNode {
  node: GraphNode;
  /** Absent for unknown kinds (and Block nodes that flattening could not expand). */
  definition?: LayerDefinition;
  /** Stored parameters with defaults filled in; absent when they are invalid. */
  params?: Record<string, unknown>;
  /** Source node of each input port, in port order (holes are unconnected ports). */
  inputs: (string | undefined)[];
  /** The edge into each input port. */
  inputEdges: (string | undefined)[];
}

/** The well-formed part of a graph, indexed for the later passes. */
export interface Wiring {
  /** In document order. */
  nodes: Map<string, WiredNode>;
  /** The edges leaving each node. */
  consumers: Map<string, GraphEdge[]>;
}

/** How a node is named in messages: the user's name, else the kind's label. */
export function nodeLabel(wired: WiredNode): string {
  return typeof wired.node.name === 'string' && wired.node.name !== ''
    ? wired.node.name
    : (wired.definition?.label ?? wired.node.kind);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Indexes nodes and edges, reporting malformed records, unknown kinds, bad parameters and ports. */
export function wireGraph(graph: GraphBody, diagnostics: Diagnostic[]): Wiring {
  const nodes = new Map<string, WiredNode>();
  const rawNodes: unknown[] = isRecord(graph) && Array.isArray(graph.nodes) ? graph.nodes : [];
  const rawEdges: unknown[] = isRecord(graph) && Array.isArray(graph.edges) ? graph.edges : [];
  if (!isRecord(graph) || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    diagnostics.push(
      modelError('malformed', 'The graph has no node or edge list.', 'Reload the project file.'),
    );
  }

  for (const [index, node] of rawNodes.entries()) {
    if (!isRecord(node) || typeof node.id !== 'string' || typeof node.kind !== 'string') {
      diagnostics.push(
        modelError(
          'malformed',
          `Node ${index + 1} of the list is not a layer record (it needs a text id and kind).`,
          'Delete it; the file was probably edited by hand.',
        ),
      );
      continue;
    }
    const record = node as unknown as GraphNode;
    if (nodes.has(record.id)) {
      diagnostics.push(
        nodeError(
          'duplicate-id',
          record.id,
          `Two nodes share the id "${record.id}"; the second is ignored.`,
          'Delete one of them.',
        ),
      );
      continue;
    }
    nodes.set(record.id, wireNode(record, diagnostics));
  }

  const consumers = new Map<string, GraphEdge[]>();
  const edgeIds = new Set<string>();
  for (const [index, edge] of rawEdges.entries()) {
    if (
      !isRecord(edge) ||
      typeof edge.id !== 'string' ||
      typeof edge.source !== 'string' ||
      typeof edge.target !== 'string'
    ) {
      diagnostics.push(
        modelError(
          'malformed',
          `Edge ${index + 1} of the list is not a connection record (it needs a text id, source and target).`,
          'Delete it; the file was probably edited by hand.',
        ),
      );
      continue;
    }
    const record = edge as unknown as GraphEdge;
    if (edgeIds.has(record.id)) {
      diagnostics.push(
        edgeError(
          'duplicate-id',
          record.id,
          `Two connections share the id "${record.id}"; the second is ignored.`,
          'Delete one of them.',
        ),
      );
      continue;
    }
    edgeIds.add(record.id);
    if (connect(record, nodes, diagnostics)) {
      const list = consumers.get(record.source);
      if (list) list.push(record);
      else consumers.set(record.source, [record]);
    }
  }

  for (const wired of nodes.values()) reportUnconnected(wired, diagnostics);
  return { nodes, consumers };
}

function wireNode(node: GraphNode, diagnostics: Diagnostic[]): WiredNode {
  const wired: WiredNode = { node, inputs: [], inputEdges: [] };
  if (!isLayerKind(node.kind)) {
    // flattenBlocks has already said why a Block node is still here.
    if (node.kind !== BLOCK_KIND) {
      diagnostics.push(
        nodeError(
          'unknown-kind',
          node.id,
          `Unknown layer kind "${node.kind}".`,
          'Replace the node with a layer from the palette.',
        ),
      );
    }
    return wired;
  }
  wired.definition = layerDefinition(node.kind);
  if (isRecord(node.params) && !Array.isArray(node.params))
    reportUnknownParams(node, wired.definition, diagnostics);
  const parsed = parseParams(wired.definition, node.params);
  if (parsed.ok) {
    wired.params = parsed.params;
    return wired;
  }
  for (const issue of parsed.issues) {
    const label = wired.definition.label;
    diagnostics.push(
      nodeError(
        'bad-param',
        node.id,
        issue.param === ''
          ? `${label}: ${issue.message}.`
          : `${label} parameter "${issue.param}": ${issue.message}.`,
        'Correct the value in the inspector.',
        issue.param === '' ? {} : { param: issue.param },
      ),
    );
  }
  return wired;
}

/** Records an edge on its target's port; false (with a diagnostic) when it cannot be. */
function connect(edge: GraphEdge, nodes: Map<string, WiredNode>, diagnostics: Diagnostic[]) {
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  if (!source || !target) {
    const missing = [!source && `source "${edge.source}"`, !target && `target "${edge.target}"`];
    diagnostics.push(
      edgeError(
        'dangling-edge',
        edge.id,
        `This connection's ${missing.filter(Boolean).join(' and ')} does not exist.`,
        'Delete the connection.',
      ),
    );
    return false;
  }
  const port = edge.targetPort;
  const label = nodeLabel(target);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0) {
    diagnostics.push(
      edgeError(
        'bad-port',
        edge.id,
        `This connection goes to input ${quoteValue(port)} of ${label}, which does not exist.`,
        'Delete it and connect to one of the node’s input handles.',
      ),
    );
    return false;
  }
  const max = target.definition?.arity.max ?? Infinity;
  if (port >= max) {
    diagnostics.push(
      edgeError(
        'extra-input',
        edge.id,
        max === 0
          ? `${label} takes no inputs, but this connection goes into it.`
          : `${label} takes ${max} input${max === 1 ? '' : 's'}, but this connection goes to input ${port + 1}.`,
        'Delete the connection, or merge the branches first (Add, Concatenate).',
      ),
    );
    return false;
  }
  if (target.inputs[port] !== undefined) {
    diagnostics.push(
      edgeError(
        'port-taken',
        edge.id,
        `Input ${port + 1} of ${label} is already connected; one input takes one connection.`,
        'Delete one of the two connections, or merge them first (Add, Concatenate).',
      ),
    );
    return false;
  }
  target.inputs[port] = edge.source;
  target.inputEdges[port] = edge.id;
  return true;
}

function reportUnconnected(wired: WiredNode, diagnostics: Diagnostic[]): void {
  if (!wired.definition) return;
  const ports = Math.max(wired.definition.arity.min, wired.inputs.length);
  for (let port = 0; port < ports; port++) {
    if (wired.inputs[port] !== undefined) continue;
    const names = wired.definition.portNames;
    const which = names?.[port] ? `input "${names[port]}"` : `input ${port + 1}`;
    diagnostics.push(
      nodeError(
        'unconnected-input',
        wired.node.id,
        `${nodeLabel(wired)} ${which} is not connected.`,
        'Connect a layer to this input.',
        { port },
      ),
    );
  }
}
