import type { RgbaImage } from './image-decode.js';

/**
 * Resizes to height × width with bilinear sampling at pixel centres (as
 * `tf.image.resizeBilinear` with half-pixel centres) and writes channels-last bytes:
 * 1 channel (luma 0.299 R + 0.587 G + 0.114 B) or 3 (RGB). Alpha is ignored.
 */
export function resizeBilinear(
  image: RgbaImage,
  height: number,
  width: number,
  channels: 1 | 3,
  out: Uint8Array,
  offset: number,
): void {
  const sy = image.height / height;
  const sx = image.width / width;
  const value = (r: number, c: number, k: number) => image.data[(r * image.width + c) * 4 + k];
  const rgb = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), image.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, image.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), image.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, image.width - 1);
      const wx = fx - x0;
      for (let k = 0; k < 3; k++) {
        const top = value(y0, x0, k) * (1 - wx) + value(y0, x1, k) * wx;
        const bottom = value(y1, x0, k) * (1 - wx) + value(y1, x1, k) * wx;
        rgb[k] = top * (1 - wy) + bottom * wy;
      }
      const at = offset + (y * width + x) * channels;
      if (channels === 1) out[at] = Math.round(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]);
      else for (let k = 0; k < 3; k++) out[at + k] = Math.round(rgb[k]);
    }
  }
}
