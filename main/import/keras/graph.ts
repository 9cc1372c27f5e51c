import { analyzeModel } from '../../../shared/graph/analyze.js';
import type { GraphEdge, GraphNode, ModelGraph } from '../../../shared/graph/document.js';
import { catalogue } from '../../../shared/layers/catalogue.js';
import type { Conversion } from './config.js';
import { converterFor } from './converters.js';
import { outputParams } from './output.js';
import type { KerasLayer, KerasTopology } from './topology.js';

/** A layer Strata cannot express, named as the file names it. @public */
export interface UnsupportedClass {
  className: string;
  layer: string;
  reason: string;
}

/** The graph built from a topology, and which node each Keras layer became. */
export interface BuiltGraph {
  graph: ModelGraph;
  /** Keras layer name → node id (several layers may fold into one node). */
  nodeOfLayer: Map<string, string>;
  unsupported: UnsupportedClass[];
  warnings: string[];
}

type Converted = Extract<Conversion, { kind: string }>;

const NESTED = new Set(['Sequential', 'Model', 'Functional']);
/** Strata's own export names layers `n_<node id>`; folding `<x>_act` back is how it splits leaky ReLU. */
const STRATA_PREFIX = /^n_/;
const ROW = 100;
const COLUMN = 220;

/**
 * Turns a Keras topology into a Strata model graph: one node per layer, identity layers folded
 * away, an Output node per model output, laid out top to bottom. `strata` marks files Strata
 * wrote, whose `n_` layer-name prefix is dropped from node ids.
 */
export function buildGraph(topology: KerasTopology, id: string, strata: boolean): BuiltGraph {
  const unsupported: UnsupportedClass[] = [];
  const warnings: string[] = [];
  const converted = new Map<string, Converted>();
  /** Layers that pass their input through, mapped to that input's layer. */
  const passThrough = new Map<string, string>();
  const byName = new Map(topology.layers.map((l) => [l.name, l]));

  for (const layer of topology.layers) {
    const conversion = convert(layer);
    if ('unsupported' in conversion) {
      unsupported.push({
        className: layer.className,
        layer: layer.name,
        reason: conversion.unsupported,
      });
    } else if ('identity' in conversion) {
      passThrough.set(layer.name, layer.inbound[0]?.layer ?? '');
    } else {
      converted.set(layer.name, conversion);
      for (const w of conversion.warnings ?? []) warnings.push(`${layer.name}: ${w}`);
    }
    for (const key of Object.keys(layer.config)) {
      if (/_(regularizer|constraint)$/.test(key) && layer.config[key] !== null) {
        warnings.push(`${layer.name}: ${key} is not kept (training-time only)`);
      }
    }
  }
  const resolve = (name: string): string => {
    for (let seen = 0; passThrough.has(name) && seen < topology.layers.length; seen++) {
      name = passThrough.get(name)!;
    }
    return name;
  };
  foldLeakyActivations(topology, converted, passThrough, resolve);

  const nodeOfLayer = new Map<string, string>();
  const taken = new Set<string>();
  const idOf = (name: string): string => {
    if (nodeOfLayer.has(name)) return nodeOfLayer.get(name)!;
    const base = strata ? name.replace(STRATA_PREFIX, '') : name;
    let nodeId = base;
    // A standalone leaky ReLU, which Strata writes as `n_<node id>_act`.
    if (strata && byName.get(name)?.className === 'LeakyReLU' && base.endsWith('_act')) {
      const own = base.slice(0, -'_act'.length);
      if (!byName.has(`n_${own}`) && !taken.has(own)) nodeId = own;
    }
    for (let n = 2; taken.has(nodeId); n++) nodeId = `${base}_${n}`;
    taken.add(nodeId);
    nodeOfLayer.set(name, nodeId);
    return nodeId;
  };

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const connect = (source: string, target: string, port: number) =>
    edges.push({ id: `${source}->${target}:${port}`, source, target, targetPort: port });
  for (const layer of topology.layers) {
    const conversion = converted.get(layer.name);
    if (!conversion) continue;
    const parsed = catalogue[conversion.kind].params.safeParse(conversion.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      unsupported.push({
        className: layer.className,
        layer: layer.name,
        reason: `${issue.path.join('.') || 'parameters'}: ${issue.message}`,
      });
      continue;
    }
    const nodeId = idOf(layer.name);
    nodes.push({
      id: nodeId,
      kind: conversion.kind,
      params: parsed.data,
      position: { x: 0, y: 0 },
    });
    layer.inbound.forEach((input, port) => {
      const source = resolve(input.layer);
      if (converted.has(source)) connect(idOf(source), nodeId, port);
    });
  }
  topology.outputs.forEach((name, i) => {
    const source = resolve(name);
    if (!converted.has(source)) return;
    let outputId = topology.outputs.length === 1 ? 'output' : `output_${i + 1}`;
    while (taken.has(outputId)) outputId = `${outputId}_`;
    taken.add(outputId);
    const last = nodes.find((n) => n.id === idOf(source))!;
    nodes.push({
      id: outputId,
      kind: 'Output',
      params: outputParams(last, topology.loss),
      position: { x: 0, y: 0 },
    });
    connect(last.id, outputId, 0);
  });

  const graph: ModelGraph = { id, name: topology.name, nodes, edges };
  checkNormalisedAxes(graph, converted, nodeOfLayer, byName, unsupported);
  layOut(graph);
  return { graph, nodeOfLayer, unsupported, warnings };
}

function convert(layer: KerasLayer): Conversion {
  if (NESTED.has(layer.className)) return { unsupported: 'a model nested inside the model' };
  if (layer.calls > 1) {
    return { unsupported: `a layer applied ${layer.calls} times (shared weights)` };
  }
  const converter = converterFor(layer.className);
  return converter ? converter(layer.config) : { unsupported: 'Strata has no layer of this class' };
}

/**
 * Strata writes a leaky-ReLU activation as a linear layer followed by `LeakyReLU(0.3)` named
 * `<layer>_act`; fold such a pair back into one node with `activation: leaky_relu`.
 */
function foldLeakyActivations(
  topology: KerasTopology,
  converted: Map<string, Converted>,
  passThrough: Map<string, string>,
  resolve: (name: string) => string,
): void {
  const consumers = new Map<string, number>();
  for (const layer of topology.layers) {
    for (const input of layer.inbound) {
      const source = resolve(input.layer);
      consumers.set(source, (consumers.get(source) ?? 0) + 1);
    }
  }
  for (const layer of topology.layers) {
    const act = converted.get(layer.name);
    const source = layer.inbound.length === 1 ? layer.inbound[0].layer : undefined;
    const host = source === undefined ? undefined : converted.get(source);
    if (
      layer.className !== 'LeakyReLU' ||
      !act ||
      !host ||
      layer.name !== `${source}_act` ||
      host.params.activation !== 'linear' ||
      consumers.get(source!) !== 1 ||
      Math.abs(Number(act.params.alpha) - 0.3) > 1e-6
    ) {
      continue;
    }
    host.params.activation = 'leaky_relu';
    converted.delete(layer.name);
    passThrough.set(layer.name, source!);
  }
}

/** Keras writes a normalisation axis as a positive index; it must be the input's last axis. */
function checkNormalisedAxes(
  graph: ModelGraph,
  converted: Map<string, Converted>,
  nodeOfLayer: Map<string, string>,
  byName: Map<string, KerasLayer>,
  unsupported: UnsupportedClass[],
): void {
  const analysis = analyzeModel(graph);
  for (const [layer, conversion] of converted) {
    if (conversion.lastAxis === undefined || conversion.lastAxis === -1) continue;
    const nodeId = nodeOfLayer.get(layer);
    const edge = graph.edges.find((e) => e.target === nodeId);
    const rank = edge && analysis.nodes.get(edge.source)?.shape?.length;
    if (rank !== undefined && rank === conversion.lastAxis) continue;
    unsupported.push({
      className: byName.get(layer)!.className,
      layer,
      reason: `normalising axis ${conversion.lastAxis}, not the last axis (Strata normalises the last)`,
    });
    graph.nodes = graph.nodes.filter((n) => n.id !== nodeId);
    graph.edges = graph.edges.filter((e) => e.source !== nodeId && e.target !== nodeId);
    nodeOfLayer.delete(layer);
  }
}

/** One row per depth (longest path from an input), parallel branches side by side. */
function layOut(graph: ModelGraph): void {
  const depth = new Map<string, number>();
  const incoming = (id: string) => graph.edges.filter((e) => e.target === id);
  const depthOf = (id: string, guard = 0): number => {
    if (depth.has(id)) return depth.get(id)!;
    const d =
      guard > graph.nodes.length
        ? 0
        : Math.max(-1, ...incoming(id).map((e) => depthOf(e.source, guard + 1))) + 1;
    depth.set(id, d);
    return d;
  };
  const rows = new Map<number, GraphNode[]>();
  for (const node of graph.nodes) {
    const row = depthOf(node.id);
    rows.set(row, [...(rows.get(row) ?? []), node]);
  }
  for (const [row, members] of rows) {
    members.forEach((node, i) => {
      node.position = { x: (i - (members.length - 1) / 2) * COLUMN, y: row * ROW };
    });
  }
}
