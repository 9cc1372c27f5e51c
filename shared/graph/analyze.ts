import { isLayerKind, layerDefinition, type LayerKind } from '../layers/catalogue.js';
import type { ParamCount } from '../layers/definition.js';
import type { TensorShape } from '../layers/shape.js';
import type { Diagnostic } from './diagnostics.js';
import type { GraphBody } from './document.js';

/** What analysis learned about one node. */
export interface NodeAnalysis {
  kind: LayerKind;
  /** Stored parameters with the catalogue's defaults filled in (absent when they are invalid). */
  params?: Record<string, unknown>;
  /** Source node of each input port, in port order. */
  inputs: string[];
  /** Output shape, when it could be inferred. */
  shape?: TensorShape;
  counts?: ParamCount;
  macs?: number;
}

/** Shapes, counts and diagnostics of a graph. @public */
export interface ModelAnalysis {
  nodes: Map<string, NodeAnalysis>;
  /** Known-kind nodes in an order where every node follows its inputs (cycles left out). */
  order: string[];
  totals: { trainable: number; nonTrainable: number; macs: number };
  diagnostics: Diagnostic[];
}

/** Infers shapes and counts for every node and reports everything wrong with the graph. */
export function analyzeModel(graph: GraphBody): ModelAnalysis {
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<string, NodeAnalysis>();

  for (const node of graph.nodes) {
    if (!isLayerKind(node.kind)) {
      diagnostics.push({
        severity: 'error',
        code: 'unknown-kind',
        message: `Unknown layer kind "${node.kind}".`,
        hint: 'Replace the node with a layer from the palette.',
        target: { type: 'node', nodeId: node.id },
      });
      continue;
    }
    const parsed = layerDefinition(node.kind).params.safeParse(node.params);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const param = issue.path.join('.');
        diagnostics.push({
          severity: 'error',
          code: 'bad-param',
          message: `${node.kind} parameter "${param}": ${issue.message}.`,
          hint: 'Correct the value in the inspector.',
          target: { type: 'node', nodeId: node.id, param },
        });
      }
    }
    nodes.set(node.id, {
      kind: node.kind,
      params: parsed.success ? parsed.data : undefined,
      inputs: [],
    });
  }

  const consumers = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) continue;
    target.inputs[edge.targetPort] = edge.source;
    consumers.set(edge.source, [...(consumers.get(edge.source) ?? []), edge.target]);
  }

  const order = topologicalOrder(nodes, consumers);
  for (const id of order) {
    const node = nodes.get(id)!;
    const definition = layerDefinition(node.kind);
    const inputShapes: TensorShape[] = [];
    let ready = node.params !== undefined;
    for (let port = 0; port < Math.max(definition.arity.min, node.inputs.length); port++) {
      const source = node.inputs[port];
      const shape = source === undefined ? undefined : nodes.get(source)?.shape;
      if (source === undefined && port < definition.arity.min) {
        diagnostics.push({
          severity: 'error',
          code: 'unconnected-input',
          message: `${definition.label} input ${port + 1} is not connected.`,
          hint: 'Connect a layer to this input.',
          target: { type: 'node', nodeId: id, port },
        });
      }
      if (shape === undefined) ready = false;
      else inputShapes.push(shape);
    }
    if (!ready || !node.params) continue;
    const result = definition.inferShape(inputShapes, node.params);
    if (!result.ok) {
      diagnostics.push({
        severity: 'error',
        code: result.issue.code,
        message: result.issue.message,
        hint: result.issue.hint,
        target: { type: 'node', nodeId: id, port: result.issue.port, param: result.issue.param },
      });
      continue;
    }
    node.shape = result.shape;
    const context = { params: node.params, inputs: inputShapes, output: result.shape };
    node.counts = definition.countParams(context);
    node.macs = definition.countMacs(context);
  }

  if (order.length < nodes.size) {
    diagnostics.push({
      severity: 'error',
      code: 'cycle',
      message: 'The graph has a cycle: a layer feeds its own input.',
      hint: 'Remove one of the edges that loop back.',
      target: { type: 'model' },
    });
  }

  const totals = { trainable: 0, nonTrainable: 0, macs: 0 };
  for (const node of nodes.values()) {
    totals.trainable += node.counts?.trainable ?? 0;
    totals.nonTrainable += node.counts?.nonTrainable ?? 0;
    totals.macs += node.macs ?? 0;
  }
  return { nodes, order, totals, diagnostics };
}

/** Kahn's algorithm; nodes on a cycle never reach in-degree zero and are left out. */
function topologicalOrder(
  nodes: Map<string, NodeAnalysis>,
  consumers: Map<string, string[]>,
): string[] {
  const indegree = new Map<string, number>();
  for (const [id, node] of nodes) indegree.set(id, node.inputs.filter(Boolean).length);
  const queue = [...nodes.keys()].filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    for (const next of consumers.get(id) ?? []) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  return order;
}
