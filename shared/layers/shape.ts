/** One dimension of a tensor: a size, or `null` when it is only known at run time (sequence length). */
export type Dim = number | null;

/**
 * A tensor shape without its batch dimension, which is always symbolic.
 * `[28, 28, 1]` is an image; `[null, 64]` is a variable-length sequence of 64-vectors.
 * @public
 */
export type TensorShape = readonly Dim[];

/** `26×26×32`, with `?` for a dimension known only at run time. */
export function formatShape(shape: TensorShape): string {
  return shape.length === 0 ? 'scalar' : shape.map((d) => (d === null ? '?' : String(d))).join('×');
}

/** Keras' notation with the batch dimension: `(None, 26, 26, 32)`. */
export function formatKerasShape(shape: TensorShape): string {
  return `(${['None', ...shape.map((d) => (d === null ? 'None' : String(d)))].join(', ')})`;
}

/** Product of the dimensions; `null` if any is unknown. */
export function shapeSize(shape: TensorShape): number | null {
  let size = 1;
  for (const d of shape) {
    if (d === null) return null;
    size *= d;
  }
  return size;
}

export function sameShape(a: TensorShape, b: TensorShape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
