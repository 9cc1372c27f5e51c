import type { LayerKind } from '../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../shared/layers/shape.js';
import type { OnnxTable } from './emitter.js';
import { int, ints, type OnnxGraph } from './graph.js';
import { toChannelsFirst, toChannelsLast, windowAttributes } from './layout.js';

/** Window pooling: tfjs' average over a 'same' window counts only the values inside the image. */
function pool(
  g: OnnxGraph,
  op: 'MaxPool' | 'AveragePool',
  x: string,
  shape: TensorShape,
  size: readonly number[],
  strides: readonly number[] | null,
  padding: 'valid' | 'same',
): string {
  const axes = size.length;
  const attributes = windowAttributes(shape.slice(0, axes), {
    kernel: size,
    strides: strides ?? size,
    padding,
  });
  if (op === 'AveragePool') attributes.count_include_pad = int(0);
  return toChannelsLast(g, g.op(op, [toChannelsFirst(g, x, axes)], attributes), axes);
}

/** Global pooling reduces the spatial axes (1…n of a channels-last tensor). */
const reduce = (g: OnnxGraph, op: 'ReduceMean' | 'ReduceMax', x: string, axes: number) =>
  g.op(op, [x], { axes: ints(Array.from({ length: axes }, (_, i) => i + 1)), keepdims: int(0) });

type PoolKind = Extract<LayerKind, `${string}Pool${string}`>;

export const poolingEmitters: OnnxTable<PoolKind> = {
  MaxPool1D: ({ g, inputs: [x], inputShapes: [s], params: p }) =>
    pool(g, 'MaxPool', x, s, [p.poolSize], p.strides === null ? null : [p.strides], p.padding),
  AvgPool1D: ({ g, inputs: [x], inputShapes: [s], params: p }) =>
    pool(g, 'AveragePool', x, s, [p.poolSize], p.strides === null ? null : [p.strides], p.padding),
  MaxPool2D: ({ g, inputs: [x], inputShapes: [s], params: p }) =>
    pool(g, 'MaxPool', x, s, p.poolSize, p.strides, p.padding),
  AvgPool2D: ({ g, inputs: [x], inputShapes: [s], params: p }) =>
    pool(g, 'AveragePool', x, s, p.poolSize, p.strides, p.padding),
  GlobalAvgPool1D: ({ g, inputs: [x] }) => reduce(g, 'ReduceMean', x, 1),
  GlobalAvgPool2D: ({ g, inputs: [x] }) => reduce(g, 'ReduceMean', x, 2),
  GlobalMaxPool1D: ({ g, inputs: [x] }) => reduce(g, 'ReduceMax', x, 1),
  GlobalMaxPool2D: ({ g, inputs: [x] }) => reduce(g, 'ReduceMax', x, 2),
};
