import type { ModelAnalysis, NodeAnalysis } from '../../shared/graph/analyze.js';
import type { Diagnostic } from '../../shared/graph/diagnostics.js';
import { formatShape } from '../../shared/layers/shape.js';

/** What a layer node draws from the analysis. */
export interface NodeFacts {
  info: NodeAnalysis | undefined;
  problems: Diagnostic[];
}

/** What an edge draws from the analysis: its tensor's shape, or `?`, and what is wrong with it. */
export interface EdgeFacts {
  shape: string;
  problems: Diagnostic[];
}

/** Diagnostics of one analysis grouped by what they point at, built once per analysis. */
interface Grouped {
  byNode: Map<string, Diagnostic[]>;
  byEdge: Map<string, Diagnostic[]>;
  /** Node diagnostics about an input port, keyed `node:port`; an edge shows them. */
  byPort: Map<string, Diagnostic[]>;
}

interface Entry<T> {
  facts: T;
  /** The facts as JSON: equal keys mean nothing drawn from them changed. */
  key: string;
}

/** The facts handed out for one analysis, and those of the analysis before it. */
interface Generation {
  grouped: Grouped;
  nodes: Map<string, Entry<NodeFacts>>;
  edges: Map<string, Entry<EdgeFacts>>;
  previous?: Generation;
}

const push = <K>(map: Map<K, Diagnostic[]>, key: K, d: Diagnostic) => {
  const list = map.get(key);
  if (list) list.push(d);
  else map.set(key, [d]);
};

function group(diagnostics: readonly Diagnostic[]): Grouped {
  const grouped: Grouped = { byNode: new Map(), byEdge: new Map(), byPort: new Map() };
  for (const d of diagnostics) {
    if (d.target.type === 'edge') push(grouped.byEdge, d.target.edgeId, d);
    if (d.target.type !== 'node') continue;
    push(grouped.byNode, d.target.nodeId, d);
    if (d.target.port !== undefined && d.code !== 'unconnected-input') {
      push(grouped.byPort, `${d.target.nodeId}:${d.target.port}`, d);
    }
  }
  return grouped;
}

const generations = new WeakMap<ModelAnalysis, Generation>();
let latest: Generation | undefined;

function generation(analysis: ModelAnalysis): Generation {
  let found = generations.get(analysis);
  if (!found) {
    found = { grouped: group(analysis.diagnostics), nodes: new Map(), edges: new Map() };
    // Only one generation back is kept: enough for an edit, and nothing piles up.
    if (latest) latest.previous = undefined;
    found.previous = latest;
    latest = found;
    generations.set(analysis, found);
  }
  return found;
}

/**
 * The entry for `id` in this generation: computed once, and replaced by the previous
 * generation's object when their keys are equal, so that a memoised component selecting it sees
 * the same object and does not re-render.
 */
function lookup<T>(
  current: Map<string, Entry<T>>,
  previous: Map<string, Entry<T>> | undefined,
  id: string,
  make: () => Entry<T>,
): T {
  const known = current.get(id);
  if (known) return known.facts;
  const next = make();
  const old = previous?.get(id);
  const entry = old && old.key === next.key ? old : next;
  current.set(id, entry);
  return entry.facts;
}

/**
 * A node's analysis and problems, as the same object from one analysis to the next while they
 * are unchanged: an edit re-renders the nodes it affects, not every node on the canvas.
 */
export function nodeFacts(analysis: ModelAnalysis, id: string): NodeFacts {
  const g = generation(analysis);
  return lookup(g.nodes, g.previous?.nodes, id, () => {
    const info = analysis.nodes.get(id);
    const problems = g.grouped.byNode.get(id) ?? [];
    return { facts: { info, problems }, key: JSON.stringify([info, problems]) };
  });
}

/** An edge's shape text and problems, kept as the same object while they are unchanged. */
export function edgeFacts(
  analysis: ModelAnalysis,
  edge: { id: string; source: string; target: string; port: number },
): EdgeFacts {
  const g = generation(analysis);
  return lookup(g.edges, g.previous?.edges, edge.id, () => {
    const shape = analysis.edges.get(edge.id) ?? analysis.nodes.get(edge.source)?.shape;
    const problems = [
      ...(g.grouped.byEdge.get(edge.id) ?? []),
      ...(g.grouped.byPort.get(`${edge.target}:${edge.port}`) ?? []),
    ];
    const facts = { shape: shape ? formatShape(shape) : '?', problems };
    return { facts, key: JSON.stringify(facts) };
  });
}
