import ELK from 'elkjs/lib/elk.bundled.js';
import type { ModelGraph } from '../../shared/graph/document.js';
import type { NodeSize } from './nodeSize.js';

/** Positions by node id, in flow coordinates (a node's top-left corner). */
export type Positions = Map<string, { x: number; y: number }>;

/** Sizes to assume for a node nobody sized. */
const FALLBACK: NodeSize = { width: 200, height: 90 };

/** ELK's settings: layers top to bottom, room for edge labels between them and beside skips. */
const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '40',
  // Room beside long edges (skip connections) so they do not hide behind the main path.
  'elk.spacing.edgeNode': '50',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Keep the document's order where it does not cost crossings: layouts stay stable.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
} as const;

/** Above this many nodes ELK trades the last few crossings for time. */
const LARGE = 120;
/**
 * One pass of crossing minimisation, no greedy switching, and straight routes (the canvas draws
 * its own edges, so ELK's routes are never shown): measured on a 300-node residual
 * network, 6.1 s → 3.8 s on a loaded 2-core machine. Small graphs (every template) keep ELK's
 * thorough passes, which untangle branches such as Inception's.
 */
const FAST = {
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.edgeRouting': 'POLYLINE',
} as const;

/** What `autoLayout` needs of each node: its box and how many input ports it draws. */
export interface LayoutInput {
  graph: Pick<ModelGraph, 'nodes' | 'edges'>;
  sizes: Readonly<Record<string, NodeSize>>;
}

/** The ELK graph: ports where the canvas draws handles, so merges keep their inputs in order. */
export function elkGraph({ graph, sizes }: LayoutInput) {
  const ports = new Map<string, number>();
  for (const e of graph.edges) {
    ports.set(e.target, Math.max(ports.get(e.target) ?? 1, e.targetPort + 1));
  }
  return {
    id: 'root',
    layoutOptions: graph.nodes.length > LARGE ? { ...OPTIONS, ...FAST } : OPTIONS,
    children: graph.nodes.map((node) => {
      const { width, height } = sizes[node.id] ?? FALLBACK;
      const inputs = ports.get(node.id) ?? 1;
      return {
        id: node.id,
        width,
        height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
        ports: [
          ...Array.from({ length: inputs }, (_, p) => ({
            id: `${node.id}\u0000in-${p}`,
            x: ((p + 1) / (inputs + 1)) * width,
            y: 0,
            width: 1,
            height: 1,
            layoutOptions: { 'elk.port.side': 'NORTH' },
          })),
          {
            id: `${node.id}\u0000out`,
            x: width / 2,
            y: height,
            width: 1,
            height: 1,
            layoutOptions: { 'elk.port.side': 'SOUTH' },
          },
        ],
      };
    }),
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      sources: [`${edge.source}\u0000out`],
      targets: [`${edge.target}\u0000in-${edge.targetPort}`],
    })),
  };
}

/** ELK's answer as positions, rounded to whole pixels. */
export function readPositions(result: { children?: { id: string; x?: number; y?: number }[] }) {
  const positions: Positions = new Map();
  for (const child of result.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Positions for every node, laid out top to bottom in layers (ELK's layered algorithm), each
 * edge entering its target at the port it feeds. Runs on the calling thread: the editor calls it
 * through a worker (`layoutClient.ts`); templates and tests call it directly.
 */
export async function autoLayout(input: LayoutInput): Promise<Positions> {
  elk ??= new ELK();
  return readPositions(await elk.layout(elkGraph(input)));
}
