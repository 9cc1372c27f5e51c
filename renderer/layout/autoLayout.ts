import ELK from 'elkjs/lib/elk.bundled.js';
import type { ModelGraph } from '../../shared/graph/document.js';

const elk = new ELK();

/** Sizes to assume for nodes React Flow has not measured yet. */
const FALLBACK = { width: 200, height: 90 };

/**
 * Positions for every node, laid out top to bottom in layers (ELK's layered algorithm), with
 * each edge entering its target at the port it feeds so that branches do not cross needlessly.
 */
export async function autoLayout(
  graph: ModelGraph,
  measured: Readonly<Record<string, { width: number; height: number }>>,
): Promise<Map<string, { x: number; y: number }>> {
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '40',
      // Room beside long edges (skip connections) so they do not hide behind the main path.
      'elk.spacing.edgeNode': '50',
      'elk.layered.spacing.edgeNodeBetweenLayers': '20',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: graph.nodes.map((node) => ({ id: node.id, ...(measured[node.id] ?? FALLBACK) })),
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
    })),
  });
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of result.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}
