import * as tf from '@tensorflow/tfjs';
import { BLOCK_EPSILON } from '../../../shared/layers/transformer.js';
import type { OnnxTable } from './emitter.js';
import { float, int, str, type OnnxGraph } from './graph.js';

/** ONNX LayerNormalization (opset 17) over the last axis, Keras' formula. */
export function layerNorm(
  g: OnnxGraph,
  x: string,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  epsilon = BLOCK_EPSILON,
): string {
  return g.op('LayerNormalization', [x, g.weight('gamma', gamma), g.weight('beta', beta)], {
    axis: int(-1),
    epsilon: float(epsilon),
  });
}

/** A slice end past any length, for "to the end". */
const TO_END = 2 ** 53;

type SpatialKind =
  'UpSampling2D' | 'ZeroPadding2D' | 'Cropping2D' | 'BatchNormalization' | 'LayerNormalization';

/** Emitters of the resizing and normalisation kinds, all on channels-last tensors. */
export const spatialEmitters: OnnxTable<SpatialKind> = {
  // Nearest neighbour with asymmetric coordinates and floor: output row i reads input row ⌊i/s⌋.
  UpSampling2D: ({ g, inputs: [x], params: { size } }) =>
    g.op(
      'Resize',
      [x, '', g.floatConstant('scales', Float32Array.of(1, size[0], size[1], 1), [4])],
      {
        mode: str('nearest'),
        coordinate_transformation_mode: str('asymmetric'),
        nearest_mode: str('floor'),
      },
    ),
  ZeroPadding2D: ({ g, inputs: [x], params: { padding } }) => {
    const [top, bottom, left, right] = padding;
    return g.op('Pad', [x, g.int64s('pads', [0, top, left, 0, 0, bottom, right, 0])]);
  },
  Cropping2D: ({ g, inputs: [x], params: { cropping } }) => {
    const [top, bottom, left, right] = cropping;
    const end = (n: number) => (n === 0 ? TO_END : -n);
    return g.op('Slice', [
      x,
      g.int64s('starts', [top, left]),
      g.int64s('ends', [end(bottom), end(right)]),
      g.int64s('axes', [1, 2]),
    ]);
  },
  // Inference: the moving statistics fold into one scale and shift per channel (last axis).
  BatchNormalization: ({ g, inputs: [x], params, weights }) => {
    const [gamma, beta, mean, variance] = weights();
    const scale = tf.div(gamma, tf.sqrt(tf.add(variance, params.epsilon)));
    const shift = tf.sub(beta, tf.mul(mean, scale));
    return g.op('Add', [g.op('Mul', [x, g.weight('scale', scale)]), g.weight('shift', shift)]);
  },
  LayerNormalization: ({ g, inputs: [x], params, weights }) => {
    const [gamma, beta] = weights();
    return layerNorm(g, x, gamma, beta, params.epsilon);
  },
};
