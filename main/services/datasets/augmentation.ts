import type { AugmentOptions } from './dataset.js';

/**
 * Applies a random flip, shift and rotation to each image of a batch in place
 * ([count, height, width, channels], row-major), sampling bilinearly and filling with zero.
 */
export function augmentImages(
  x: Float32Array,
  count: number,
  shape: readonly [number, number, number],
  options: AugmentOptions,
  random: () => number,
): void {
  const [height, width, channels] = shape;
  const size = height * width * channels;
  const scratch = new Float32Array(size);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  for (let n = 0; n < count; n++) {
    const flip = options.flip === true && random() < 0.5;
    const dx = options.shift ? (random() * 2 - 1) * options.shift : 0;
    const dy = options.shift ? (random() * 2 - 1) * options.shift : 0;
    const angle = options.rotate ? (((random() * 2 - 1) * options.rotate) / 180) * Math.PI : 0;
    if (!flip && dx === 0 && dy === 0 && angle === 0) continue;
    const image = x.subarray(n * size, (n + 1) * size);
    scratch.set(image);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        // Inverse mapping: undo the shift, then the rotation, then the flip.
        const u = c - cx - dx;
        const v = r - cy - dy;
        let sc = cos * u + sin * v + cx;
        const sr = -sin * u + cos * v + cy;
        if (flip) sc = width - 1 - sc;
        for (let k = 0; k < channels; k++) {
          image[(r * width + c) * channels + k] = sampleBilinear(scratch, shape, sr, sc, k);
        }
      }
    }
  }
}

/** Bilinear sample of channel `k` at fractional (row, col), zero outside the image. */
export function sampleBilinear(
  image: ArrayLike<number>,
  shape: readonly [number, number, number],
  row: number,
  col: number,
  k: number,
): number {
  const [height, width, channels] = shape;
  const r0 = Math.floor(row);
  const c0 = Math.floor(col);
  const fr = row - r0;
  const fc = col - c0;
  const at = (r: number, c: number) =>
    r < 0 || c < 0 || r >= height || c >= width ? 0 : image[(r * width + c) * channels + k];
  return (
    (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c0 + 1)) +
    fr * ((1 - fc) * at(r0 + 1, c0) + fc * at(r0 + 1, c0 + 1))
  );
}
