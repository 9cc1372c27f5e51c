import * as tf from '@tensorflow/tfjs';
import { layerDefinition } from '../../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../../shared/layers/shape.js';
import type { LayerBuilder } from '../builder.js';
import { spatialBuilders, type SpatialKind } from './spatial.js';

/** Output shape (batch included) and weight counts of one layer. */
export interface LayerFacts {
  shape: (number | null)[];
  trainable: number;
  nonTrainable: number;
  total: number;
}

let serial = 0;

const weightCount = (weights: tf.LayerVariable[]) => weights.reduce((n, w) => n + w.read().size, 0);

/** The catalogue's view of a layer on `input`; throws the shape issue's message when it refuses. */
export function catalogueFacts(
  kind: SpatialKind,
  params: Record<string, unknown>,
  input: TensorShape,
): LayerFacts {
  const definition = layerDefinition(kind);
  const parsed = definition.params.parse(params);
  const inferred = definition.inferShape([input], parsed);
  if (!inferred.ok) throw new Error(inferred.issue.message);
  const counts = definition.countParams({
    params: parsed,
    inputs: [input],
    output: inferred.shape,
  });
  return {
    shape: [null, ...inferred.shape],
    ...counts,
    total: counts.trainable + counts.nonTrainable,
  };
}

/** Applies `kind`'s tfjs builder to a `tf.input` of `input` and wraps it in a model. */
function buildTfjs(kind: SpatialKind, params: Record<string, unknown>, input: TensorShape) {
  const parsed = layerDefinition(kind).params.parse(params);
  const build = spatialBuilders[kind] as LayerBuilder<SpatialKind>;
  const x = tf.input({ shape: [...input] });
  // The table is indexed by a union of kinds, so TypeScript cannot pair params with builder.
  const y = build(parsed as never, { name: `${kind}_${serial++}`, inputs: [input] })([x]);
  return { model: tf.model({ inputs: x, outputs: y }), output: y };
}

/** The output shape tfjs infers symbolically (batch included), without running anything. */
export function tfjsSymbolicShape(
  kind: SpatialKind,
  params: Record<string, unknown>,
  input: TensorShape,
): (number | null)[] {
  const { model, output } = buildTfjs(kind, params, input);
  model.dispose();
  return output.shape;
}

/**
 * Test support: builds `kind` through its tfjs builder, reporting the symbolic output shape,
 * tfjs' weight counts and, after running a batch of two examples (unknown lengths set to
 * `runLength`), the output shape tfjs actually computed.
 */
export function tfjsFacts(
  kind: SpatialKind,
  params: Record<string, unknown>,
  input: TensorShape,
  runLength = 6,
): LayerFacts & { ranShape: number[] } {
  const { model, output } = buildTfjs(kind, params, input);
  const batch = tf.randomNormal([2, ...input.map((d) => d ?? runLength)]);
  const ran = model.predict(batch) as tf.Tensor;
  const facts = {
    shape: output.shape,
    trainable: weightCount(model.trainableWeights),
    nonTrainable: weightCount(model.nonTrainableWeights),
    total: model.countParams(),
    ranShape: ran.shape,
  };
  tf.dispose([batch, ran]);
  model.dispose();
  return facts;
}

/** Both views side by side, plus what the catalogue expects for the shape tfjs ran. */
export function compareFacts(
  kind: SpatialKind,
  params: Record<string, unknown>,
  input: TensorShape,
  runLength = 6,
) {
  const { ranShape, ...tfjs } = tfjsFacts(kind, params, input, runLength);
  const ranInput = input.map((d) => d ?? runLength);
  const [, ...expectedRan] = catalogueFacts(kind, params, ranInput).shape;
  return {
    catalogue: catalogueFacts(kind, params, input),
    tfjs,
    ran: { catalogue: [2, ...expectedRan], tfjs: ranShape },
  };
}
