import { isLayerKind, layerDefinition } from '../layers/catalogue.js';
import { formatKerasShape } from '../layers/shape.js';
import type { ModelAnalysis } from './analyze.js';
import type { BlockDefinition, GraphBody } from './document.js';
import { BLOCK_KIND } from './document.js';

/** One row of a model's layer table, as Keras' `model.summary()` lists it. @public */
export interface SummaryRow {
  nodeId: string;
  /** The user's name for the node, else its kind's label (a block's name for a Block node). */
  name: string;
  /** The kind's label: `Conv2D`, or the block's name. */
  type: string;
  /** Keras' notation with the batch: `(None, 26, 26, 32)`; `?` when unknown. */
  shape: string;
  /** Trainable plus non-trainable parameters; `undefined` when they cannot be counted. */
  params: number | undefined;
  /** Multiply-adds per example. */
  macs: number | undefined;
  /** Ids of the nodes feeding this one, in port order. */
  inputs: string[];
}

/**
 * The rows of a model's layer table in execution order: what `strata summary` prints and the
 * app's Summary view shows, read from the same analysis.
 */
export function summaryRows(
  model: GraphBody,
  analysis: ModelAnalysis,
  blocks: readonly BlockDefinition[] = [],
): SummaryRow[] {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return analysis.order.flatMap((id) => {
    const node = byId.get(id);
    const info = analysis.nodes.get(id);
    if (!node || !info) return [];
    const type =
      node.kind === BLOCK_KIND
        ? (blocks.find((b) => b.id === node.params.block)?.name ?? node.kind)
        : isLayerKind(node.kind)
          ? layerDefinition(node.kind).label
          : node.kind;
    return [
      {
        nodeId: id,
        name: node.name !== undefined && node.name !== '' ? node.name : type,
        type,
        shape: info.shape ? formatKerasShape(info.shape) : '?',
        params: info.counts ? info.counts.trainable + info.counts.nonTrainable : undefined,
        macs: info.macs,
        inputs: info.inputs.filter((s): s is string => typeof s === 'string'),
      },
    ];
  });
}
