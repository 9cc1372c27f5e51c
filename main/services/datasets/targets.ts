import type { DatasetSchema } from '../../../shared/datasets/catalogue.js';
import type { ExampleSource } from './example-source.js';

/** Element type, per-example size and shape of encoded targets. */
export interface TargetLayout {
  kind: 'int32' | 'float32';
  size: number;
  shape: number[];
  encoding: 'sparse' | 'one-hot';
  /** Classes or vocabulary size, for one-hot. */
  depth: number;
}

/** Lays out targets: indices stay int32 when sparse and become float32 rows when one-hot. */
export function targetLayout(
  schema: DatasetSchema,
  source: ExampleSource,
  encoding: 'sparse' | 'one-hot',
): TargetLayout {
  const target = source.target;
  const schemaTarget = schema.target;
  if (target.kind === 'classes') {
    const depth = schemaTarget.kind === 'classes' ? schemaTarget.classes : 0;
    return encoding === 'sparse'
      ? { kind: 'int32', size: 1, shape: [], encoding, depth }
      : { kind: 'float32', size: depth, shape: [depth], encoding, depth };
  }
  if (target.kind === 'next-token') {
    const depth = schemaTarget.kind === 'next-token' ? schemaTarget.vocabulary : 0;
    return encoding === 'sparse'
      ? { kind: 'int32', size: target.size, shape: [target.size], encoding, depth }
      : {
          kind: 'float32',
          size: target.size * depth,
          shape: [target.size, depth],
          encoding,
          depth,
        };
  }
  const shape = (
    target.kind === 'values' && schemaTarget.kind === 'values'
      ? schemaTarget.shape
      : schema.inputShape
  ).map((d) => d ?? 0);
  const size = target.kind === 'values' ? target.size : source.inputSize;
  return { kind: 'float32', size, shape, encoding: 'sparse', depth: 0 };
}

/** Writes the targets of `indices` into `y`; an 'input' target copies the prepared inputs. */
export function encodeTargets(
  source: ExampleSource,
  layout: TargetLayout,
  indices: Int32Array,
  x: Float32Array | Int32Array,
  y: Float32Array | Int32Array,
): void {
  const target = source.target;
  const count = indices.length;
  if (layout.encoding === 'one-hot') y.fill(0, 0, count * layout.size);
  const tokens = target.kind === 'next-token' ? new Int32Array(target.size) : undefined;
  for (let n = 0; n < count; n++) {
    const index = indices[n];
    const offset = n * layout.size;
    if (target.kind === 'classes') {
      const c = target.classOf(index);
      if (layout.encoding === 'sparse') y[offset] = c;
      else y[offset + c] = 1;
    } else if (target.kind === 'next-token') {
      if (layout.encoding === 'sparse' && y instanceof Int32Array) {
        target.read(index, y, offset);
      } else if (tokens) {
        target.read(index, tokens, 0);
        for (let t = 0; t < target.size; t++) y[offset + t * layout.depth + tokens[t]] = 1;
      }
    } else if (target.kind === 'values' && y instanceof Float32Array) {
      target.read(index, y, offset);
    }
  }
  if (target.kind === 'input') y.set(x.subarray(0, count * layout.size));
}
