import * as tf from '@tensorflow/tfjs';
import type { Inspection } from '../../../shared/api/inspection.js';
import { failure } from '../../../shared/api/reply.js';
import type { Reply } from '../../../shared/api/reply.js';
import { layerName } from '../../engine/tfjs/compile.js';
import { featureMaps, histogramOf } from './activations.js';
import { attentionWeights, hasAttention } from './attention-weights.js';
import type { PreparedInput } from './model-input.js';

type NodeInsight = Omit<Inspection, 'input'>;

/**
 * The tfjs layer compile built for a node: named `n_<id>` (compile.ts layerName). A block node
 * has no layer of its own; its inlined layers are named after it, and the last one is its output.
 */
export function layerOfNode(model: tf.LayersModel, nodeId: string): tf.layers.Layer | undefined {
  const name = layerName(nodeId);
  const exact = model.layers.find((l) => l.name === name);
  if (exact) return exact;
  return model.layers.filter((l) => l.name.startsWith(`${name}_`)).at(-1);
}

const symbolic = (t: tf.SymbolicTensor | tf.SymbolicTensor[]) => (Array.isArray(t) ? t : [t]);

/**
 * One node's output for one example, read through a model from the trained model's input to
 * that layer's output (sharing its weights): a histogram always, feature maps for image-like
 * outputs, and for attention layers the attention weights of each head.
 */
export function inspectNode(
  model: tf.LayersModel,
  nodeId: string,
  input: PreparedInput,
): Reply<NodeInsight> {
  const layer = layerOfNode(model, nodeId);
  if (!layer) {
    return failure(
      'not-found',
      `Node "${nodeId}" is not in this run's model: it was added or renamed after training. Train again to inspect it.`,
    );
  }
  if (model.inputs.length !== 1) {
    return failure('unsupported', 'Insight works on models with one input; this one has several.');
  }
  const attention = hasAttention(layer);
  const layerInputs = attention ? symbolic(layer.input) : [];
  const outputs = [symbolic(layer.output)[0], ...layerInputs];
  const values = runTo(model, outputs, input.tensor);
  try {
    const [output, ...received] = values;
    const shape = output.shape.slice(1);
    const flat = output.dataSync();
    let detail: NodeInsight['detail'] = { kind: 'none' };
    if (attention) {
      const { causal, weights } = attentionWeights(layer, received);
      detail = {
        kind: 'attention',
        causal,
        weights,
        ...(input.tokens ? { tokens: input.tokens } : {}),
      };
    } else if (shape.length === 3) {
      detail = { kind: 'feature-maps', channels: shape[2], maps: featureMaps(flat, shape) };
    }
    return {
      ok: true,
      result: { nodeId, layer: layer.name, shape, histogram: histogramOf(flat), detail },
    };
  } finally {
    tf.dispose(values);
  }
}

/** Evaluates symbolic tensors of `model` for `x`; the model's own input is `x` itself. */
function runTo(model: tf.LayersModel, outputs: tf.SymbolicTensor[], x: tf.Tensor): tf.Tensor[] {
  const [modelInput] = model.inputs;
  const computed = outputs.filter((t) => t !== modelInput);
  const results =
    computed.length === 0
      ? []
      : symbolic(tf.model({ inputs: model.inputs, outputs: computed }).predict(x) as never);
  let next = 0;
  return outputs.map((t) =>
    t === modelInput ? x.clone() : (results[next++] as unknown as tf.Tensor),
  );
}
