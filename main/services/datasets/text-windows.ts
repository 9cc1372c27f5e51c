import type { ExampleSource } from './example-source.js';

/**
 * Non-overlapping windows of `length` tokens over one token stream; the target is each
 * position's next token. Windows are read from the stream, never copied out ahead of time.
 */
export function textWindowSource(ids: Int32Array, length: number): ExampleSource {
  const count = Math.max(0, Math.floor((ids.length - 1) / length));
  return {
    count,
    inputSize: length,
    readInput: (index, out, offset) =>
      out.set(ids.subarray(index * length, (index + 1) * length), offset),
    target: {
      kind: 'next-token',
      size: length,
      read: (index, out, offset) =>
        out.set(ids.subarray(index * length + 1, (index + 1) * length + 1), offset),
    },
  };
}
