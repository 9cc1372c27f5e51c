import type { ModelGraph } from '../../../shared/graph/document.js';
import { buildGraph, type UnsupportedClass } from './graph.js';
import { readTopology } from './topology.js';
import { readWeights, type ImportedWeight } from './weights.js';

/** A Keras / TF.js model as an editable Strata graph, with its weights per node. @public */
export interface KerasImport {
  graph: ModelGraph;
  /** Node id → the node's weights, named relative to its layer. */
  weights: Record<string, ImportedWeight[]>;
  /** Layers Strata cannot express: the graph lacks them. */
  unsupported: UnsupportedClass[];
  /** What was approximated or left out (regularisers, masking, unassigned weights). */
  warnings: string[];
}

export type KerasImportResult = ({ ok: true } & KerasImport) | { ok: false; message: string };

/**
 * Imports a parsed `model.json` (TF.js layers format, or a Keras `to_json()` topology). `weightData`
 * is the bytes of the manifest's weight files concatenated in order; without it, no weights.
 */
export function importKerasModel(
  file: unknown,
  weightData?: ArrayBuffer,
  modelId = 'main',
): KerasImportResult {
  const topology = readTopology(file);
  if (!topology.ok) return topology;
  const strata = (file as { convertedBy?: unknown })?.convertedBy === 'Strata';
  const built = buildGraph(topology.topology, modelId, strata);
  const weights: Record<string, ImportedWeight[]> = {};
  const warnings = [...built.warnings];
  if (weightData) {
    const read = readWeights(
      file,
      weightData,
      new Set(topology.topology.layers.map((l) => l.name)),
    );
    if (!read.ok) return read;
    for (const [layer, list] of read.byLayer) {
      const nodeId = built.nodeOfLayer.get(layer);
      if (nodeId === undefined) continue; // an unsupported layer's weights go with it
      weights[nodeId] = [...(weights[nodeId] ?? []), ...list];
    }
    if (read.unassigned.length > 0) {
      warnings.push(`weights matching no layer were left out: ${read.unassigned.join(', ')}`);
    }
  }
  return { ok: true, graph: built.graph, weights, unsupported: built.unsupported, warnings };
}
