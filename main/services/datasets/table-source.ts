import type { ExampleSource, TargetSource } from './example-source.js';
import { readRow } from './example-source.js';

/** Row-major storage of inputs: one row of `inputSize` elements per example. */
export type InputTable = Float32Array | Int32Array | Uint8Array;

/** What an example's target is, for examples held in memory tables. */
export type TableTarget =
  | { kind: 'classes'; labels: Int32Array | Uint8Array }
  | { kind: 'values'; values: Float32Array; size: number }
  | { kind: 'input' };

/** An example source over in-memory rows; rows are copied out per batch, never duplicated. */
export function tableSource(
  inputs: InputTable,
  inputSize: number,
  target: TableTarget,
  presetTest?: { from: number; to: number },
): ExampleSource {
  const count = Math.floor(inputs.length / inputSize);
  let targetSource: TargetSource;
  if (target.kind === 'classes') {
    const labels = target.labels;
    targetSource = { kind: 'classes', classOf: (index) => labels[index] };
  } else if (target.kind === 'values') {
    const { values, size } = target;
    targetSource = {
      kind: 'values',
      size,
      read: (index, out, offset) => readRow(values, size, index, out, offset),
    };
  } else {
    targetSource = { kind: 'input' };
  }
  return {
    count,
    inputSize,
    readInput: (index, out, offset) => readRow(inputs, inputSize, index, out, offset),
    target: targetSource,
    presetTest,
  };
}
