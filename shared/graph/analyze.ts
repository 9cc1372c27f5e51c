import type { DatasetSchema } from '../datasets/catalogue.js';
import type { TensorShape } from '../layers/shape.js';
import { reportDatasetFit } from './dataset-fit.js';
import { modelError, type Diagnostic } from './diagnostics.js';
import { BLOCK_KIND, type BlockDefinition, type GraphBody } from './document.js';
import { flattenBlocks, INSIDE_BLOCK, type FlatGraph } from './flatten.js';
import { inferShapes, type NodeAnalysis } from './infer.js';
import { reportCycles, topologicalOrder } from './order.js';
import { reportUsage } from './usage.js';
import { wireGraph } from './wiring.js';

export type { NodeAnalysis } from './infer.js';

/** What an analysis may take into account besides the graph. */
export interface AnalyzeOptions {
  /** The project's reusable blocks, for graphs holding Block nodes. */
  blocks?: readonly BlockDefinition[];
  /** When given, Inputs are checked against its examples and Output losses against its targets. */
  dataset?: DatasetSchema;
}

/** The graph compilers see: blocks inlined, in an order where each node follows its inputs. */
export interface FlatAnalysis {
  graph: GraphBody;
  nodes: Map<string, NodeAnalysis>;
  /** Flat node ids, each after its inputs (nodes on or after a cycle are left out). */
  order: string[];
}

/** Shapes, counts and diagnostics of a graph. @public */
export interface ModelAnalysis {
  /** Every node of the graph as the user sees it, Block nodes included. */
  nodes: Map<string, NodeAnalysis>;
  /** Node ids of the graph as drawn, each after its inputs (nodes on or after a cycle left out). */
  order: string[];
  /** The shape each edge carries, when known: what the editor writes on it. */
  edges: Map<string, TensorShape>;
  /** Over every node on the canvas, used or not. */
  totals: { trainable: number; nonTrainable: number; macs: number };
  diagnostics: Diagnostic[];
  flat: FlatAnalysis;
}

/** Infers shapes and counts for every node and reports everything wrong; never throws. */
export function analyzeModel(graph: GraphBody, options: AnalyzeOptions = {}): ModelAnalysis {
  try {
    return analyze(graph, options);
  } catch (error) {
    // Every pass is written to turn bad input into diagnostics; this is the last line of defence.
    const message = error instanceof Error ? error.message : String(error);
    return {
      nodes: new Map(),
      order: [],
      edges: new Map(),
      totals: { trainable: 0, nonTrainable: 0, macs: 0 },
      diagnostics: [
        modelError(
          'rule-failed',
          `Strata could not analyse this graph: ${message}.`,
          'This is a bug in Strata; please report it with the project file.',
        ),
      ],
      flat: { graph: { nodes: [], edges: [] }, nodes: new Map(), order: [] },
    };
  }
}

function analyze(graph: GraphBody, options: AnalyzeOptions): ModelAnalysis {
  const flat = flattenBlocks(graph, options.blocks);
  const found: Diagnostic[] = [];
  const wiring = wireGraph(flat.graph, found);
  const order = topologicalOrder(wiring);
  reportCycles(wiring, order, found);
  const nodes = inferShapes(wiring, order, found);
  reportUsage(wiring, found);
  if (options.dataset) reportDatasetFit(wiring, nodes, options.dataset, found);

  const totals = { trainable: 0, nonTrainable: 0, macs: 0 };
  for (const node of nodes.values()) {
    totals.trainable += node.counts?.trainable ?? 0;
    totals.nonTrainable += node.counts?.nonTrainable ?? 0;
    totals.macs += node.macs ?? 0;
  }
  const inlined = flat.graph !== graph;
  const outer = inlined ? liftNodes(graph, flat, nodes) : nodes;
  const diagnostics = inlined ? [...flat.diagnostics, ...liftDiagnostics(found, flat)] : found;
  return {
    nodes: outer,
    order: inlined ? liftOrder(order, flat) : order,
    edges: edgeShapes(graph, outer),
    totals,
    diagnostics,
    flat: { graph: flat.graph, nodes, order },
  };
}

/** The analysis of each node of the graph as drawn: Block nodes sum up the layers inlined from them. */
function liftNodes(
  graph: GraphBody,
  flat: FlatGraph,
  nodes: Map<string, NodeAnalysis>,
): Map<string, NodeAnalysis> {
  const outer = new Map<string, NodeAnalysis>();
  const blocks = new Map<string, NodeAnalysis>();
  for (const node of graph.nodes) {
    if (typeof node?.id !== 'string') continue;
    const analysis = nodes.get(node.id);
    if (analysis && node.kind !== BLOCK_KIND) {
      outer.set(node.id, analysis);
      continue;
    }
    const output = flat.blockOutput.get(node.id);
    const block: NodeAnalysis = {
      kind: BLOCK_KIND,
      params: node.params,
      inputs: [],
      shape: output === undefined ? undefined : nodes.get(output)?.shape,
      counts: { trainable: 0, nonTrainable: 0 },
      macs: 0,
    };
    outer.set(node.id, block);
    blocks.set(node.id, block);
  }
  for (const edge of graph.edges) {
    const block = blocks.get(edge?.target);
    if (block && Number.isInteger(edge.targetPort) && edge.targetPort >= 0) {
      block.inputs[edge.targetPort] = edge.source;
    }
  }
  for (const [id, origin] of flat.nodeOrigin) {
    const block = blocks.get(origin);
    const inner = nodes.get(id);
    if (!block?.counts || !inner) continue;
    block.counts.trainable += inner.counts?.trainable ?? 0;
    block.counts.nonTrainable += inner.counts?.nonTrainable ?? 0;
    block.macs! += inner.macs ?? 0;
  }
  return outer;
}

/** The flat order with each Block node where its result is produced. */
function liftOrder(order: readonly string[], flat: FlatGraph): string[] {
  const blocksAt = new Map<string, string[]>();
  for (const [block, output] of flat.blockOutput) {
    blocksAt.set(output, [...(blocksAt.get(output) ?? []), block]);
  }
  const lifted: string[] = [];
  for (const id of order) {
    if (!flat.nodeOrigin.has(id)) lifted.push(id);
    lifted.push(...(blocksAt.get(id) ?? []));
  }
  return lifted;
}

/** Moves diagnostics of inlined layers and edges onto their Block node, once each. */
function liftDiagnostics(found: Diagnostic[], flat: FlatGraph): Diagnostic[] {
  const lifted: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of found) {
    const target = d.target;
    const origin =
      target.type === 'node'
        ? flat.nodeOrigin.get(target.nodeId)
        : target.type === 'edge'
          ? flat.edgeOrigin.get(target.edgeId)
          : undefined;
    if (origin === undefined) {
      lifted.push(d);
      continue;
    }
    const moved: Diagnostic = {
      ...d,
      message: `${INSIDE_BLOCK}${d.message}`,
      target: { type: 'node', nodeId: origin },
    };
    const key = `${moved.code}\u0000${origin}\u0000${moved.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lifted.push(moved);
  }
  return lifted;
}

/** The shape each edge carries: its source's output. */
function edgeShapes(graph: GraphBody, nodes: Map<string, NodeAnalysis>): Map<string, TensorShape> {
  const shapes = new Map<string, TensorShape>();
  for (const edge of Array.isArray(graph?.edges) ? graph.edges : []) {
    const shape = typeof edge?.source === 'string' ? nodes.get(edge.source)?.shape : undefined;
    if (shape !== undefined && typeof edge.id === 'string') shapes.set(edge.id, shape);
  }
  return shapes;
}
