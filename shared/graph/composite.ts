import { isLayerKind, layerDefinition } from '../layers/catalogue.js';
import type { LayerDefinition } from '../layers/definition.js';
import type { TensorShape } from '../layers/shape.js';
import { analyzeModel } from './analyze.js';
import type { EditResult } from './blocks.js';
import type { GraphBody, GraphEdge, GraphNode } from './document.js';
import { freshId } from './flatten.js';
import { parseParams } from './params.js';

/** Finds a kind's definition; tests pass their own to try composites the catalogue lacks. */
export type DefinitionLookup = (kind: string) => LayerDefinition | undefined;

const fromCatalogue: DefinitionLookup = (kind) =>
  isLayerKind(kind) ? layerDefinition(kind) : undefined;

/** Where the expansion's n-th node goes: in a column under the composite's place. */
const SPACING = 80;

/**
 * Replaces a composite layer (one whose definition has `expand`, such as a transformer block) by
 * the simpler layers it stands for, wired to the same outside edges.
 */
export function expandComposite<G extends GraphBody>(
  graph: G,
  nodeId: string,
  definitionOf: DefinitionLookup = fromCatalogue,
): EditResult<{ graph: G }> {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return { ok: false, reason: `There is no node "${nodeId}".` };
  const definition = definitionOf(node.kind);
  if (!definition?.expand) {
    return {
      ok: false,
      reason: `${definition?.label ?? node.kind} is not made of simpler layers.`,
    };
  }
  const parsed = parseParams(definition, node.params);
  if (!parsed.ok) return { ok: false, reason: 'Fix the layer’s parameters first.' };
  const into = graph.edges.filter((e) => e.target === nodeId);
  const sources: string[] = [];
  for (const e of into) sources[e.targetPort] = e.source;
  const analysis = analyzeModel(graph);
  const shapes: TensorShape[] = [];
  for (let port = 0; port < Math.max(definition.arity.min, sources.length); port++) {
    const shape =
      sources[port] === undefined ? undefined : analysis.nodes.get(sources[port])?.shape;
    if (!shape)
      return { ok: false, reason: 'Connect the layer’s inputs (with known shapes) first.' };
    shapes.push(shape);
  }

  let parts;
  try {
    parts = definition.expand(parsed.params, shapes);
  } catch (error) {
    return { ok: false, reason: `The layer could not be expanded: ${String(error)}` };
  }
  if (parts.length === 0) return { ok: false, reason: 'The layer expands to nothing.' };
  const taken = new Set<string | undefined>([
    ...graph.nodes.map((n) => n.id),
    ...graph.edges.map((e) => e.id),
  ]);
  const ids = new Map(parts.map((p) => [p.id, freshId(`${nodeId}_${p.id}`, taken)]));
  const resolve = (ref: string) =>
    /^\$in\d+$/.test(ref) ? sources[Number(ref.slice(3))] : ids.get(ref);

  const added: GraphNode[] = parts.map((p, i) => ({
    id: ids.get(p.id)!,
    kind: p.kind,
    params: p.params,
    position: { x: node.position.x, y: node.position.y + i * SPACING },
  }));
  const wires: GraphEdge[] = [];
  for (const p of parts) {
    for (const [port, ref] of p.inputs.entries()) {
      const source = resolve(ref);
      if (source === undefined) {
        return { ok: false, reason: `The expansion refers to an unknown part "${ref}".` };
      }
      wires.push({
        id: freshId(`${nodeId}_e`, taken),
        source,
        target: ids.get(p.id)!,
        targetPort: port,
      });
    }
  }
  const result = ids.get(parts[parts.length - 1].id)!;
  const edges = graph.edges
    .filter((e) => e.target !== nodeId)
    .map((e) => (e.source === nodeId ? { ...e, source: result } : e));
  return {
    ok: true,
    graph: {
      ...graph,
      nodes: [...graph.nodes.filter((n) => n.id !== nodeId), ...added],
      edges: [...edges, ...wires],
    },
  };
}
