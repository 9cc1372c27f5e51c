import type { TensorShape } from '../../../shared/layers/shape.js';
import { ints, str, type Attribute, type OnnxGraph } from './graph.js';

/**
 * Strata's tensors stay channels-last (as tfjs feeds them) everywhere in the ONNX graph; only
 * the operators ONNX defines channels-first (Conv, pooling) see a transposed copy.
 */
export function toChannelsFirst(g: OnnxGraph, x: string, spatialAxes: number): string {
  const perm = [0, spatialAxes + 1, ...Array.from({ length: spatialAxes }, (_, i) => i + 1)];
  return g.op('Transpose', [x], { perm: ints(perm) });
}

export function toChannelsLast(g: OnnxGraph, x: string, spatialAxes: number): string {
  const perm = [0, ...Array.from({ length: spatialAxes }, (_, i) => i + 2), 1];
  return g.op('Transpose', [x], { perm: ints(perm) });
}

/** A sliding window over the spatial axes, in Keras' terms. */
export interface Window {
  kernel: readonly number[];
  strides: readonly number[];
  dilations?: readonly number[];
  padding: 'valid' | 'same';
}

/**
 * ONNX attributes for a window. TensorFlow's 'same' pads `total = max((out-1)·s + k_eff - in, 0)`
 * with the odd value at the end; with every size known this is written as explicit (possibly
 * asymmetric) pads, else as SAME_UPPER, ONNX's name for the same rule.
 */
export function windowAttributes(
  spatial: TensorShape,
  { kernel, strides, dilations, padding }: Window,
): Record<string, Attribute> {
  const attributes: Record<string, Attribute> = {
    kernel_shape: ints(kernel),
    strides: ints(strides),
  };
  if (dilations) attributes.dilations = ints(dilations);
  if (padding === 'valid') return { ...attributes, pads: ints(kernel.flatMap(() => [0, 0])) };
  if (spatial.some((d) => d === null)) return { ...attributes, auto_pad: str('SAME_UPPER') };
  const before: number[] = [];
  const after: number[] = [];
  spatial.forEach((size, axis) => {
    const effective = (kernel[axis] - 1) * (dilations?.[axis] ?? 1) + 1;
    const out = Math.ceil(size! / strides[axis]);
    const total = Math.max((out - 1) * strides[axis] + effective - size!, 0);
    before.push(Math.floor(total / 2));
    after.push(total - Math.floor(total / 2));
  });
  return { ...attributes, pads: ints([...before, ...after]) };
}
