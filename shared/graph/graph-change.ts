import type { BlockDefinition, GraphNode, ModelGraph } from './document.js';

/** What decides the trained model: kinds, parameters and wiring; not positions or names. */
function nodeKey(node: GraphNode): string {
  return `${node.kind}${JSON.stringify(sorted(node.params))}`;
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
  );
}

const label = (node: GraphNode) => node.name ?? node.kind;

/**
 * How `now` differs from `then` in what training depends on, in a few words, or undefined when
 * it trains the same model: moving or renaming nodes changes nothing. Blocks the models use
 * count too.
 */
export function graphChange(
  then: { graph: ModelGraph; blocks: readonly BlockDefinition[] },
  now: { graph: ModelGraph; blocks: readonly BlockDefinition[] },
): string | undefined {
  const before = new Map(then.graph.nodes.map((n) => [n.id, n]));
  const after = new Map(now.graph.nodes.map((n) => [n.id, n]));
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) return `${label(node)} was added`;
    if (old.kind !== node.kind) return `${label(old)} became ${node.kind}`;
    if (nodeKey(old) !== nodeKey(node)) {
      const keys = new Set([...Object.keys(old.params), ...Object.keys(node.params)]);
      const param = [...keys].find(
        (k) => JSON.stringify(sorted(old.params[k])) !== JSON.stringify(sorted(node.params[k])),
      );
      return `${label(node)}: ${param ?? 'parameters'} changed`;
    }
  }
  for (const [id, node] of before) if (!after.has(id)) return `${label(node)} was removed`;
  const wires = (g: ModelGraph) =>
    new Set(g.edges.map((e) => `${e.source}>${e.target}:${e.targetPort}`));
  const [a, b] = [wires(then.graph), wires(now.graph)];
  if (a.size !== b.size || [...a].some((w) => !b.has(w))) return 'the connections changed';
  const used = new Set(
    now.graph.nodes.filter((n) => n.kind === 'Block').map((n) => String(n.params.block)),
  );
  for (const id of used) {
    const x = then.blocks.find((bl) => bl.id === id);
    const y = now.blocks.find((bl) => bl.id === id);
    if (JSON.stringify(sorted(blockShape(x))) !== JSON.stringify(sorted(blockShape(y)))) {
      return `block ${y?.name ?? id} changed`;
    }
  }
  return undefined;
}

/** A block without positions, for comparing. */
function blockShape(block: BlockDefinition | undefined) {
  if (!block) return null;
  return {
    inputs: block.inputs,
    output: block.output,
    nodes: block.nodes.map((n) => ({ id: n.id, kind: n.kind, params: n.params })),
    edges: block.edges.map((e) => ({ s: e.source, t: e.target, p: e.targetPort })),
  };
}
