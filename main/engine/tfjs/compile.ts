import * as tf from '@tensorflow/tfjs';
import { analyzeModel, type ModelAnalysis } from '../../../shared/graph/analyze.js';
import { hasErrors, type Diagnostic } from '../../../shared/graph/diagnostics.js';
import type { GraphBody } from '../../../shared/graph/document.js';
import type { LayerKind } from '../../../shared/layers/catalogue.js';
import type { LayerBuilder } from './builder.js';
import { tfjsBuilders } from './builders.js';

export type CompileResult =
  | { ok: true; model: tf.LayersModel; analysis: ModelAnalysis }
  | { ok: false; diagnostics: Diagnostic[] };

/** tfjs layer names must be unique and simple; node ids are unique but may hold any character. */
export function layerName(nodeId: string): string {
  return `n_${nodeId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * Builds a `tf.LayersModel` (functional API) from a graph the validator accepts. Inputs are the
 * graph's `Input` nodes and outputs its `Output` nodes, each in document order.
 */
export function compileModel(graph: GraphBody, name = 'model'): CompileResult {
  const analysis = analyzeModel(graph);
  if (hasErrors(analysis.diagnostics)) return { ok: false, diagnostics: analysis.diagnostics };

  const tensors = new Map<string, tf.SymbolicTensor>();
  for (const id of analysis.order) {
    const node = analysis.nodes.get(id)!;
    const build = tfjsBuilders[node.kind] as LayerBuilder<LayerKind>;
    const inputShapes = node.inputs.map((source) => analysis.nodes.get(source)!.shape!);
    // The table is indexed by a union of kinds, so TypeScript cannot pair params with builder.
    const apply = build(node.params as never, { name: layerName(id), inputs: inputShapes });
    tensors.set(id, apply(node.inputs.map((source) => tensors.get(source)!)));
  }

  const ofKind = (kind: LayerKind) =>
    graph.nodes.filter((n) => n.kind === kind).map((n) => tensors.get(n.id)!);
  const model = tf.model({ inputs: ofKind('Input'), outputs: ofKind('Output'), name });
  return { ok: true, model, analysis };
}
