import type * as tf from '@tensorflow/tfjs';
import {
  isLayerKind,
  layerDefinition,
  type LayerKind,
} from '../../../../shared/layers/catalogue.js';
import type { ExpansionNode } from '../../../../shared/layers/definition.js';
import type { TensorShape } from '../../../../shared/layers/shape.js';
import type { LayerBuilder } from '../builder.js';
import { coreBuilders } from './core.js';
import { mergeBuilders } from './merge.js';
import { normalizationBuilders } from './normalization.js';
import { sequenceBuilders } from './sequence.js';

/** The kinds composite layers expand into. */
const parts = { ...coreBuilders, ...mergeBuilders, ...normalizationBuilders, ...sequenceBuilders };

/**
 * Test support: builds a composite's expansion from the tfjs builders of its parts, applied to
 * `inputs` (the composite's `$in0`, `$in1`…), and returns the last node's tensor.
 */
export function buildExpansion(
  nodes: readonly ExpansionNode[],
  inputs: readonly tf.SymbolicTensor[],
  prefix: string,
): tf.SymbolicTensor {
  const tensors = new Map<string, tf.SymbolicTensor>(inputs.map((t, i) => [`$in${i}`, t]));
  const shapes = new Map<string, TensorShape>(inputs.map((t, i) => [`$in${i}`, t.shape.slice(1)]));
  for (const node of nodes) {
    if (!isLayerKind(node.kind) || !(node.kind in parts)) {
      throw new Error(`Expansion part ${node.id} has kind ${node.kind}, which has no builder here`);
    }
    const definition = layerDefinition(node.kind);
    const params = definition.params.parse(node.params);
    const inputShapes = node.inputs.map((ref) => shapes.get(ref)!);
    const inferred = definition.inferShape(inputShapes, params);
    if (!inferred.ok) throw new Error(`Expansion part ${node.id}: ${inferred.issue.message}`);
    const build = parts[node.kind as keyof typeof parts] as LayerBuilder<LayerKind>;
    // The table is indexed by a union of kinds, so TypeScript cannot pair params with builder.
    const apply = build(params as never, { name: `${prefix}_${node.id}`, inputs: inputShapes });
    tensors.set(node.id, apply(node.inputs.map((ref) => tensors.get(ref)!)));
    shapes.set(node.id, inferred.shape);
  }
  return tensors.get(nodes[nodes.length - 1].id)!;
}
