/** One named float32 tensor to store. */
export interface NamedTensor {
  name: string;
  shape: readonly number[];
  data: Float32Array;
}

/**
 * Encodes tensors in the safetensors layout (huggingface.co/docs/safetensors): an 8-byte
 * little-endian header length, a JSON header naming each tensor's dtype, shape and byte range,
 * then the raw little-endian data. The `safetensors` package reads it, and so does the small
 * loader the exported Python carries, which needs nothing beyond the standard library and torch.
 */
export function encodeSafetensors(
  tensors: readonly NamedTensor[],
  metadata: Record<string, string> = {},
): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    const size = t.shape.reduce((n, d) => n * d, 1);
    if (size !== t.data.length) {
      throw new Error(
        `Tensor "${t.name}" has ${t.data.length} values but shape [${t.shape.join(', ')}]`,
      );
    }
    if (Object.hasOwn(header, t.name)) throw new Error(`Tensor "${t.name}" is stored twice`);
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * size] };
    offset += 4 * size;
  }
  let json = JSON.stringify(header);
  // The data should start on an 8-byte boundary; the format pads the header with spaces.
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const head = Buffer.from(json, 'utf8');
  const out = new Uint8Array(8 + head.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const t of tensors) {
    const bytes = new Uint8Array(t.data.length * 4);
    const dv = new DataView(bytes.buffer);
    t.data.forEach((v, i) => dv.setFloat32(i * 4, v, true));
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/** Reads back what {@link encodeSafetensors} wrote (for tests and tools). */
export function decodeSafetensors(bytes: Uint8Array): Map<string, NamedTensor> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = Number(view.getBigUint64(0, true));
  const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + length)).toString('utf8')) as Record<
    string,
    { dtype: string; shape: number[]; data_offsets: [number, number] }
  >;
  const tensors = new Map<string, NamedTensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const [start, end] = entry.data_offsets;
    const data = new Float32Array((end - start) / 4);
    for (let i = 0; i < data.length; i++) {
      data[i] = view.getFloat32(8 + length + start + i * 4, true);
    }
    tensors.set(name, { name, shape: entry.shape, data });
  }
  return tensors;
}
