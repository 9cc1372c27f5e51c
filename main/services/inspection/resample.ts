/**
 * Resizes raw pixels (row-major, interleaved channels) to `width × height` by area averaging:
 * each target pixel is the mean of the source area it covers, so a big drawing shrinks without
 * losing thin strokes the way nearest-neighbour sampling would. Channels are converted too
 * (grey → RGB repeats; RGB → grey takes the mean).
 */
export function resample(
  source: { width: number; height: number; channels: number; data: ArrayLike<number> },
  width: number,
  height: number,
  channels: number,
): Float32Array {
  const out = new Float32Array(width * height * channels);
  const sx = source.width / width;
  const sy = source.height / height;
  const grey = new Float32Array(source.channels);
  for (let y = 0; y < height; y++) {
    const y0 = y * sy;
    const y1 = y0 + sy;
    for (let x = 0; x < width; x++) {
      const x0 = x * sx;
      const x1 = x0 + sx;
      grey.fill(0);
      let area = 0;
      for (let py = Math.floor(y0); py < Math.min(source.height, Math.ceil(y1)); py++) {
        const wy = Math.min(y1, py + 1) - Math.max(y0, py);
        for (let px = Math.floor(x0); px < Math.min(source.width, Math.ceil(x1)); px++) {
          const w = wy * (Math.min(x1, px + 1) - Math.max(x0, px));
          const at = (py * source.width + px) * source.channels;
          for (let c = 0; c < source.channels; c++) grey[c] += w * source.data[at + c];
          area += w;
        }
      }
      const base = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) {
        const value =
          source.channels === channels
            ? grey[c]
            : source.channels === 1
              ? grey[0]
              : grey.reduce((a, b) => a + b, 0) / source.channels;
        out[base + c] = area > 0 ? value / area : 0;
      }
    }
  }
  return out;
}
