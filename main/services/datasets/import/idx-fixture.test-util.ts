/** IDX files made in memory, for tests and benchmarks (no test-runner imports here). */

/** An IDX file: zero, zero, type code, rank, big-endian dims, then the bytes given. */
export function idxBytes(type: number, dims: number[], values: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + dims.length * 4);
  header[2] = type;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + i * 4));
  return Buffer.concat([header, values]);
}

/** n 28×28 uint8 "digits" as an IDX pair: a bright bar whose row tells the label, so a model can learn it. */
export function barDigits(n: number): { images: Buffer; labels: Buffer } {
  const labels = Uint8Array.from({ length: n }, (_, i) => (i * 7) % 10);
  const pixels = new Uint8Array(n * 784);
  labels.forEach((label, i) =>
    pixels.fill(255, i * 784 + (label * 2 + 4) * 28, i * 784 + (label * 2 + 5) * 28),
  );
  return { images: idxBytes(0x08, [n, 28, 28], pixels), labels: idxBytes(0x08, [n], labels) };
}
