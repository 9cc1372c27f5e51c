import * as tf from '@tensorflow/tfjs';
import { sinusoidalTable } from '../../engine/tfjs/custom/sinusoidal-encoding.js';
import type { OnnxTable } from './emitter.js';
import { DataType, int, type OnnxGraph } from './graph.js';

/** Rows of the sinusoidal table written when the sequence length is only known at run time. */
const DYNAMIC_ROWS = 2048;

/** Adds the first `steps` rows of `table` `[rows, features]` to `x` `[batch, steps, features]`. */
function addPositions(g: OnnxGraph, x: string, table: tf.Tensor, steps: number | null): string {
  if (steps !== null) {
    return g.op('Add', [x, g.weight('positions', tf.slice(table, [0, 0], [steps, -1]))]);
  }
  // Variable length: slice the table to the input's length at run time.
  const length = g.op('Shape', [x], { start: int(1), end: int(2) });
  const rows = g.op('Slice', [
    g.weight('positions', table),
    g.int64s('start', [0]),
    length,
    g.int64s('axes', [0]),
  ]);
  return g.op('Add', [x, rows]);
}

type Kind = 'Embedding' | 'PositionEmbedding' | 'SinusoidalPositionalEncoding';

/** Token and position embeddings. */
export const embeddingEmitters: OnnxTable<Kind> = {
  Embedding: ({ g, inputs: [ids], inputTypes: [type], weights }) => {
    // tfjs truncates float ids to integers; ONNX's Cast to int64 does the same.
    const indices = type === 'int' ? ids : g.op('Cast', [ids], { to: int(DataType.INT64) });
    return g.op('Gather', [g.weight('embeddings', weights()[0]), indices], { axis: int(0) });
  },
  PositionEmbedding: ({ g, inputs: [x], inputShapes: [s], weights }) =>
    addPositions(g, x, weights()[0], s[0]),
  SinusoidalPositionalEncoding: ({ g, inputs: [x], inputShapes: [s], params }) => {
    const rows = s[0] ?? DYNAMIC_ROWS;
    const features = s[1]!;
    return addPositions(g, x, sinusoidalTable(rows, features, params.maxWavelength), s[0]);
  },
};
