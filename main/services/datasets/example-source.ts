/**
 * Random access to examples, read straight from the arrays or files a dataset was built from,
 * so batches are assembled without copying the whole set.
 * @public
 */
export interface ExampleSource {
  readonly count: number;
  /** Elements in one input example. */
  readonly inputSize: number;
  /** Writes example `index`'s raw input at `out[offset ..]`. */
  readInput(index: number, out: Float32Array | Int32Array, offset: number): void;
  readonly target: TargetSource;
  /** Examples `[from, to)` form the test split (a set's official test part). */
  readonly presetTest?: { from: number; to: number };
}

/** How an example's target is read; matches the schema's target kind. */
export type TargetSource =
  | { kind: 'classes'; classOf(index: number): number }
  | { kind: 'values'; size: number; read(index: number, out: Float32Array, offset: number): void }
  | { kind: 'next-token'; size: number; read(index: number, out: Int32Array, offset: number): void }
  | { kind: 'input' };

/** Copies row `index` of a row-major table of `width` into `out`, converting element types. */
export function readRow(
  table: Float32Array | Int32Array | Uint8Array,
  width: number,
  index: number,
  out: Float32Array | Int32Array,
  offset: number,
): void {
  out.set(table.subarray(index * width, (index + 1) * width), offset);
}
