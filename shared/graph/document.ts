/** A layer placed on the canvas. `kind` is a catalogue kind, or `Block` for a reusable block. */
export interface GraphNode {
  id: string;
  kind: string;
  /** The user's name for the node; the kind's label is shown when absent. */
  name?: string;
  /** Parameters as stored; missing ones take the catalogue's defaults. `Block` nodes hold `{ block: id }`. */
  params: Record<string, unknown>;
  position: { x: number; y: number };
}

/** A connection from one node's output to an input port of another. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Which input of the target (0 for single-input layers; merges and attention have several). */
  targetPort: number;
}

export interface GraphBody {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** One network of a project (a GAN has two: generator and discriminator). @public */
export interface ModelGraph extends GraphBody {
  id: string;
  name: string;
}

/**
 * A named, reusable group of nodes. Its `Input` nodes are its ports, in the order of `inputs`;
 * `output` is the node whose result leaves the block. @public
 */
export interface BlockDefinition extends GraphBody {
  id: string;
  name: string;
  inputs: string[];
  output: string;
}

export const BLOCK_KIND = 'Block';
