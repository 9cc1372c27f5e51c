import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import type { FlatAnalysis } from '../../../shared/graph/analyze.js';
import type { GraphBody } from '../../../shared/graph/document.js';
import type { BlockDefinition } from '../../../shared/graph/document.js';
import { compileModel } from '../../engine/tfjs/compile.js';
import { buildOnnxModel, encodeOnnx } from './model.js';

/** Test support: a deterministic generator so failures reproduce. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Test support: replaces every weight with random values (variances positive), so that biases,
 * norm offsets and moving statistics are non-zero and a mixed-up weight shows in the outputs.
 */
export function randomiseWeights(model: tf.LayersModel, seed = 1): void {
  const next = random(seed);
  for (const layer of model.layers) {
    const values = layer.weights.map((w) => {
      const shape = w.shape as number[];
      const size = shape.reduce((n, d) => n * d, 1);
      const positive = /variance/.test(w.originalName);
      const data = Float32Array.from({ length: size }, () =>
        positive ? 0.5 + next() : (next() - 0.5) * 0.8,
      );
      return tf.tensor(data, shape);
    });
    if (values.length > 0) layer.setWeights(values);
    tf.dispose(values);
  }
}

/** Test support: random examples for each Input node, token ids below `vocabulary` for int inputs. */
export function randomInputs(flat: FlatAnalysis, batch: number, seed = 2, unknownLength = 7) {
  const next = random(seed);
  const vocabulary = Math.min(
    ...[...flat.nodes.values()]
      .filter((n) => n.kind === 'Embedding')
      .map((n) => (n.params as { inputDim: number }).inputDim),
  );
  return flat.graph.nodes
    .filter((n) => n.kind === 'Input')
    .map((n) => {
      const shape = [batch, ...flat.nodes.get(n.id)!.shape!.map((d) => d ?? unknownLength)];
      const size = shape.reduce((a, b) => a * b, 1);
      const int = (n.params as { dtype?: string }).dtype === 'int32';
      const data = int
        ? Int32Array.from({ length: size }, () => Math.floor(next() * vocabulary))
        : Float32Array.from({ length: size }, () => next() * 2 - 1);
      return { id: n.id, shape, data };
    });
}

/** Largest |a - b| / (1 + |b|) over every output: absolute near zero, relative for large values. */
export interface Parity {
  maxAbs: number;
  maxMixed: number;
}

/**
 * Test support: compiles `graph`, randomises its weights, exports it to ONNX and runs both the
 * tfjs model and onnxruntime on the same random inputs; returns how far apart their outputs are.
 */
export async function onnxParity(
  graph: GraphBody & { id?: string; name?: string },
  options: { blocks?: readonly BlockDefinition[]; seed?: number; batch?: number } = {},
): Promise<Parity> {
  const compiled = compileModel(graph, 'parity', { blocks: options.blocks });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics, null, 2));
  const { model, analysis, layerNames } = compiled;
  try {
    randomiseWeights(model, options.seed ?? 1);
    const built = buildOnnxModel({
      flat: analysis.flat,
      model,
      layerNames,
      graph: { id: graph.id ?? 'model', name: graph.name ?? 'model', ...graph },
    });
    if (!built.ok) throw new Error(`not exportable: ${JSON.stringify(built.unsupported)}`);
    const session = await ort.InferenceSession.create(encodeOnnx(built.model));
    const examples = randomInputs(analysis.flat, options.batch ?? 3, options.seed ?? 2);
    const feeds: Record<string, ort.Tensor> = {};
    for (const e of examples) {
      feeds[e.id] = new ort.Tensor(
        e.data instanceof Int32Array ? 'int32' : 'float32',
        e.data,
        e.shape,
      );
    }
    const onnxOut = await session.run(feeds);
    const tfInputs = examples.map((e) =>
      tf.tensor(e.data, e.shape, e.data instanceof Int32Array ? 'int32' : 'float32'),
    );
    const predicted = model.predict(tfInputs);
    const tfOut = Array.isArray(predicted) ? predicted : [predicted];
    let maxAbs = 0;
    let maxMixed = 0;
    built.outputs.forEach((name, i) => {
      const expected = tfOut[i].dataSync();
      const actual = onnxOut[name].data as Float32Array;
      if (actual.length !== expected.length) {
        throw new Error(
          `output ${name}: ONNX gives ${actual.length} values, tfjs ${expected.length}`,
        );
      }
      const dims = onnxOut[name].dims.join('×');
      if (dims !== tfOut[i].shape.join('×')) {
        throw new Error(
          `output ${name}: ONNX gives shape ${dims}, tfjs ${tfOut[i].shape.join('×')}`,
        );
      }
      for (let j = 0; j < expected.length; j++) {
        const diff = Math.abs(actual[j] - expected[j]);
        maxAbs = Math.max(maxAbs, diff);
        maxMixed = Math.max(maxMixed, diff / (1 + Math.abs(expected[j])));
      }
    });
    tf.dispose([...tfInputs, ...tfOut]);
    await session.release();
    return { maxAbs, maxMixed };
  } finally {
    model.dispose();
  }
}
