import { isLayerKind, layerDefinition } from '../../shared/layers/catalogue.js';
import type { BlockDefinition, GraphNode, ModelGraph } from '../../shared/graph/document.js';
import { BLOCK_KIND } from '../../shared/graph/document.js';

/** The input ports a node shows: names and whether more may be added (merges). */
export interface PortLayout {
  names: string[];
  /** Largest number of inputs the node accepts. */
  max: number;
}

/** The block a `Block` node instantiates, if the project has it. */
export function blockOf(node: GraphNode, blocks: readonly BlockDefinition[]) {
  return node.kind === BLOCK_KIND ? blocks.find((b) => b.id === node.params.block) : undefined;
}

/**
 * The target handles of a node: one per input port, named by the catalogue's `portNames`; a node
 * taking any number of inputs (merges) shows one spare port beyond those connected.
 */
export function inputPorts(
  node: GraphNode,
  graph: ModelGraph,
  blocks: readonly BlockDefinition[],
): PortLayout {
  const block = blockOf(node, blocks);
  if (block) {
    const names = block.inputs.map((id) => block.nodes.find((n) => n.id === id)?.name ?? id);
    return { names, max: names.length };
  }
  if (!isLayerKind(node.kind)) return { names: [], max: 0 };
  const { arity, portNames } = layerDefinition(node.kind);
  const used = graph.edges.filter((e) => e.target === node.id).map((e) => e.targetPort + 1);
  const highest = Math.max(0, ...used);
  const shown =
    arity.max === arity.min ? arity.min : Math.min(arity.max, Math.max(arity.min, highest + 1));
  const names = Array.from(
    { length: shown },
    (_, i) => portNames?.[i] ?? (shown > 1 ? `input ${i + 1}` : 'input'),
  );
  return { names, max: arity.max };
}

/** Whether a node has an output: everything except `Output` nodes. */
export function hasOutput(node: GraphNode): boolean {
  return node.kind !== 'Output';
}

/** `in-2` ↔ 2: target handle ids carry the port number. */
export const portHandle = (port: number) => `in-${port}`;
export function handlePort(handle: string | null | undefined): number {
  const match = /^in-(\d+)$/.exec(handle ?? '');
  return match ? Number(match[1]) : 0;
}
