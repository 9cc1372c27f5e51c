/**
 * Keras' shape and parameter arithmetic, written out independently of Strata's catalogue so the
 * tests check the editor against the formulas rather than against itself.
 */

/** A 'valid' (unpadded) convolution or pooling window's output length. */
export const validLength = (size: number, window: number, stride = 1) =>
  Math.floor((size - window) / stride) + 1;

/** Conv2D weights: kernel height × width × input channels × filters, plus one bias per filter. */
export const conv2dParams = (kernel: number, channelsIn: number, filters: number) =>
  kernel * kernel * channelsIn * filters + filters;

/** Dense weights: inputs × units, plus one bias per unit. */
export const denseParams = (inputs: number, units: number) => inputs * units + units;

/** `26×26×32`, as the editor prints shapes. */
export const shape = (...dims: number[]) => dims.join('×');

/** `93,322`, as the status bar prints counts (en-US grouping). */
export const count = (n: number) => n.toLocaleString('en-US');
