import * as tf from '@tensorflow/tfjs';
import {
  analyzeModel,
  type AnalyzeOptions,
  type ModelAnalysis,
} from '../../../shared/graph/analyze.js';
import { hasErrors, type Diagnostic } from '../../../shared/graph/diagnostics.js';
import type { GraphBody } from '../../../shared/graph/document.js';
import type { LayerKind } from '../../../shared/layers/catalogue.js';
import type { LayerBuilder } from './builder.js';
import { tfjsBuilders } from './builders.js';

export type CompileResult =
  | {
      ok: true;
      model: tf.LayersModel;
      analysis: ModelAnalysis;
      /** The tfjs layer built for each node of the flat graph (where its weights live). */
      layerNames: Map<string, string>;
    }
  | { ok: false; diagnostics: Diagnostic[] };

/** tfjs layer names must be unique and simple; node ids are unique but may hold any character. */
export function layerName(nodeId: string): string {
  return `n_${nodeId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * Builds a `tf.LayersModel` (functional API) from a graph the validator accepts, with its blocks
 * inlined. Inputs are the graph's `Input` nodes and outputs its `Output` nodes, in document order.
 * Never throws: a graph with errors, or one tfjs refuses, comes back as diagnostics.
 */
export function compileModel(
  graph: GraphBody,
  name = 'model',
  options: AnalyzeOptions = {},
): CompileResult {
  const analysis = analyzeModel(graph, options);
  if (hasErrors(analysis.diagnostics)) return { ok: false, diagnostics: analysis.diagnostics };
  try {
    const layerNames = new Map<string, string>();
    return { ok: true, model: build(analysis, name, layerNames), analysis, layerNames };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'rule-failed',
          message: `TensorFlow.js could not build the model: ${message}`,
          hint: 'This is a bug in Strata (the checks passed); please report it with the project file.',
          target: { type: 'model' },
        },
      ],
    };
  }
}

function build(
  { flat }: ModelAnalysis,
  name: string,
  layerNames: Map<string, string>,
): tf.LayersModel {
  const names = new Set<string>();
  const tensors = new Map<string, tf.SymbolicTensor>();
  for (const id of flat.order) {
    const node = flat.nodes.get(id)!;
    const build = tfjsBuilders[node.kind as LayerKind] as LayerBuilder<LayerKind>;
    const sources = node.inputs as string[];
    const inputShapes = sources.map((source) => flat.nodes.get(source)!.shape!);
    // The table is indexed by a union of kinds, so TypeScript cannot pair params with builder.
    const layer = uniqueName(id, names);
    layerNames.set(id, layer);
    const apply = build(node.params as never, { name: layer, inputs: inputShapes });
    tensors.set(
      id,
      apply(distinctInputs(sources, tensors, () => uniqueName(`${id}_repeat`, names))),
    );
  }
  const ofKind = (kind: LayerKind) =>
    flat.graph.nodes.filter((n) => n.kind === kind).map((n) => tensors.get(n.id)!);
  return tf.model({ inputs: ofKind('Input'), outputs: ofKind('Output'), name });
}

/**
 * The node's input tensors, with a repeated one (`Add(x, x)`) passed through an identity layer:
 * tfjs 4.22's executor counts such a tensor's uses wrongly and disposes it while another layer
 * still needs it ("Cannot read properties of undefined (reading 'backend')" in predict).
 */
function distinctInputs(
  sources: readonly string[],
  tensors: Map<string, tf.SymbolicTensor>,
  freshName: () => string,
): tf.SymbolicTensor[] {
  return sources.map((source, port) => {
    const tensor = tensors.get(source)!;
    if (sources.indexOf(source) === port) return tensor;
    const identity = tf.layers.activation({ activation: 'linear', name: freshName() });
    return identity.apply(tensor) as tf.SymbolicTensor;
  });
}

/** `a/b` and `a_b` map to the same layer name; tfjs needs them distinct. */
function uniqueName(nodeId: string, taken: Set<string>): string {
  const base = layerName(nodeId);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}
