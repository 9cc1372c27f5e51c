import type { FlatAnalysis } from '../../shared/graph/analyze.js';
import { isLayerKind, type LayerKind, type ParamsOf } from '../../shared/layers/catalogue.js';
import type { TensorShape } from '../../shared/layers/shape.js';
import type { UnsupportedLayer } from './exporter.js';

/** A kind, or a setting of it, that a format cannot express, and why. */
export interface Unsupported {
  unsupported: string;
}

/** What an emitter knows about the node besides its parameters. */
export interface EmitContext {
  /** Shapes of the node's inputs (batch excluded). */
  inputs: readonly TensorShape[];
  /** The node's output shape. */
  output: TensorShape;
}

export function isUnsupported(value: object): value is Unsupported {
  return Object.hasOwn(value, 'unsupported');
}

/** How a code-writing format turns one node of kind `K` into its layer `L`. */
export type Emitter<K extends LayerKind, L> = (
  params: ParamsOf<K>,
  ctx: EmitContext,
) => L | Unsupported;

/**
 * Runs each node of the flat graph through its kind's emitter: the emitted layers by node id, or
 * every node the format cannot express.
 */
export function emitEach<L extends object>(
  flat: FlatAnalysis,
  table: { [K in LayerKind]: Emitter<K, L> | Unsupported },
): { emitted: Map<string, L>; unsupported: UnsupportedLayer[] } {
  const emitted = new Map<string, L>();
  const unsupported: UnsupportedLayer[] = [];
  for (const id of flat.order) {
    const node = flat.nodes.get(id)!;
    if (!isLayerKind(node.kind) || !node.shape || !node.params) {
      unsupported.push({ nodeId: id, kind: node.kind, reason: 'not a layer Strata can export' });
      continue;
    }
    const entry = table[node.kind] as Emitter<LayerKind, L> | Unsupported;
    const inputs = node.inputs.map((source) => flat.nodes.get(source)!.shape!);
    // The table pairs each kind with its emitter, but indexing by a union loses that pairing.
    const layer = isUnsupported(entry)
      ? entry
      : entry(node.params as never, { inputs, output: node.shape });
    if (isUnsupported(layer)) {
      unsupported.push({ nodeId: id, kind: node.kind, reason: layer.unsupported });
    } else emitted.set(id, layer);
  }
  return { emitted, unsupported };
}
