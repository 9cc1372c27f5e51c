import * as tf from '@tensorflow/tfjs';
import { layerDefinition } from '../../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../../shared/layers/shape.js';
import type { LayerBuilder } from '../builder.js';
import { sequenceBuilders } from './sequence.js';

type SequenceKind = keyof typeof sequenceBuilders;

/** One input of a parity check: its shape without the batch, and its dtype. */
export interface ParityInput {
  shape: TensorShape;
  dtype?: 'float32' | 'int32';
}

/** What the catalogue predicts for a node beside what tfjs builds (shapes include the batch). */
export interface SequenceParity {
  catalogue: { shape: (number | null)[]; count: number };
  tfjs: { shape: (number | null)[]; count: number };
  model: tf.LayersModel;
}

let serial = 0;

/**
 * Test support: builds a sequence kind (one or more inputs) with its tfjs builder on
 * `tf.input`s, beside the catalogue's inferred shape and count.
 */
export function sequenceParity(
  kind: SequenceKind,
  rawParams: Record<string, unknown>,
  inputs: readonly ParityInput[],
): SequenceParity {
  const definition = layerDefinition(kind);
  const params = definition.params.parse(rawParams);
  const shapes = inputs.map((i) => i.shape);
  const inferred = definition.inferShape(shapes, params);
  if (!inferred.ok) throw new Error(inferred.issue.message);
  const counts = definition.countParams({ params, inputs: shapes, output: inferred.shape });
  const tensors = inputs.map((i) => tf.input({ shape: [...i.shape], dtype: i.dtype }));
  const build = sequenceBuilders[kind] as LayerBuilder<SequenceKind>;
  // The table is indexed by a union of kinds, so TypeScript cannot pair params with builder.
  const output = build(params as never, { name: `${kind}_${serial++}`, inputs: shapes })(tensors);
  const model = tf.model({ inputs: tensors, outputs: output });
  return {
    catalogue: { shape: [null, ...inferred.shape], count: counts.trainable + counts.nonTrainable },
    tfjs: { shape: [...output.shape], count: model.countParams() },
    model,
  };
}
