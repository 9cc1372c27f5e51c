import type { GraphBody, GraphNode } from './document.js';

/**
 * A terse way to write a graph (tests, templates): nodes as `id: [kind, params]`, edges as
 * `'a -> b'` or `'a -> b:1'` for input port 1. Edge ids are `a-b` (with `:port` when not 0).
 */
export function sketch(
  nodes: Record<string, [kind: string, params?: Record<string, unknown>]>,
  edges: readonly string[] = [],
): GraphBody {
  return {
    nodes: Object.entries(nodes).map(([id, [kind, params]], i): GraphNode => ({
      id,
      kind,
      params: params ?? {},
      position: { x: 0, y: i * 100 },
    })),
    edges: edges.map((text) => {
      const [source, to] = text.split('->').map((s) => s.trim());
      const [target, port = '0'] = to.split(':');
      const id = port === '0' ? `${source}-${target}` : `${source}-${target}:${port}`;
      return { id, source, target, targetPort: Number(port) };
    }),
  };
}

/** `sketch` for a straight chain, ids `n0`, `n1`…, each feeding the next. */
export function chainOf(...layers: [kind: string, params?: Record<string, unknown>][]): GraphBody {
  const nodes = Object.fromEntries(layers.map((layer, i) => [`n${i}`, layer]));
  return sketch(
    nodes,
    layers.slice(1).map((_, i) => `n${i} -> n${i + 1}`),
  );
}
