import type { DatasetIssue } from '../dataset.js';
import { fileIssue, readMaybeGzipped } from './read-file.js';

/** A parsed IDX array: its dimensions and its values, bytes kept as bytes. @public */
export interface IdxArray {
  dims: number[];
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const ELEMENT_TYPES: Record<number, { name: string; bytes: number }> = {
  0x08: { name: 'unsigned byte', bytes: 1 },
  0x09: { name: 'signed byte', bytes: 1 },
  0x0b: { name: 'short', bytes: 2 },
  0x0c: { name: 'int', bytes: 4 },
  0x0d: { name: 'float', bytes: 4 },
  0x0e: { name: 'double', bytes: 8 },
};

/**
 * Parses the IDX format of the MNIST family: two zero bytes, an element type code, the number of
 * dimensions, each dimension as a big-endian uint32, then the values big-endian.
 */
export function parseIdx(bytes: Uint8Array, file: string): IdxArray | DatasetIssue {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    return fileIssue(file, 'not an IDX file: it must start with two zero bytes');
  }
  const type = ELEMENT_TYPES[bytes[2]];
  if (!type) return fileIssue(file, `unknown IDX element type 0x${bytes[2].toString(16)}`);
  const rank = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerBytes = 4 + rank * 4;
  if (rank === 0 || bytes.length < headerBytes) {
    return fileIssue(file, `IDX header declares ${rank} dimensions but the file is too short`);
  }
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + i * 4));
  const count = dims.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * type.bytes;
  if (bytes.length !== expected) {
    return fileIssue(
      file,
      `IDX dimensions ${dims.join('×')} of ${type.name}s need ${expected} bytes, the file has ${bytes.length}`,
    );
  }
  return { dims, data: readValues(view, headerBytes, count, bytes[2]) };
}

function readValues(view: DataView, at: number, count: number, code: number): IdxArray['data'] {
  if (code === 0x08) return new Uint8Array(view.buffer, view.byteOffset + at, count).slice();
  if (code === 0x09) return new Int8Array(view.buffer, view.byteOffset + at, count).slice();
  const read =
    code === 0x0b
      ? { out: new Int16Array(count), get: (i: number) => view.getInt16(at + i * 2) }
      : code === 0x0c
        ? { out: new Int32Array(count), get: (i: number) => view.getInt32(at + i * 4) }
        : code === 0x0d
          ? { out: new Float32Array(count), get: (i: number) => view.getFloat32(at + i * 4) }
          : { out: new Float64Array(count), get: (i: number) => view.getFloat64(at + i * 8) };
  for (let i = 0; i < count; i++) read.out[i] = read.get(i);
  return read.out;
}

/** Reads and parses an `.idx` or `.idx.gz` file. */
export async function readIdxFile(file: string): Promise<IdxArray | DatasetIssue> {
  const read = await readMaybeGzipped(file);
  return read.ok ? parseIdx(read.bytes, file) : read.issue;
}

/** Whether a parse result is an issue. */
export function isIssue(value: IdxArray | DatasetIssue): value is DatasetIssue {
  return 'severity' in value;
}
