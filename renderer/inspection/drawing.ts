import type { PixelImage } from '../../shared/api/inspection.js';

/** The canvas users draw on, in CSS and canvas pixels: ten canvas pixels per MNIST pixel. */
export const PAD_SIZE = 280;

/**
 * Turns ink on a drawing pad into a digit the way MNIST's digits were made: the ink's bounding
 * box is scaled (area-averaged) to fit a `box × box` square, then placed so its centre of mass
 * sits at the centre of a `size × size` image. `ink` is one value per pad pixel, 0 (none) to
 * 255 (full); a blank pad gives a blank image.
 */
export function digitFromInk(
  ink: ArrayLike<number>,
  width: number,
  height: number,
  size = 28,
  box = 20,
): PixelImage {
  const data = new Array<number>(size * size).fill(0);
  const bounds = inkBounds(ink, width, height);
  if (!bounds) return { width: size, height: size, channels: 1, data };
  const side = Math.max(bounds.right - bounds.left, bounds.bottom - bounds.top);
  const scale = box / side;
  const w = Math.max(1, Math.round((bounds.right - bounds.left) * scale));
  const h = Math.max(1, Math.round((bounds.bottom - bounds.top) * scale));
  const small = areaResize(ink, width, bounds, w, h);
  // Centre of mass of the scaled digit, moved to the image centre.
  let mass = 0;
  let cx = 0;
  let cy = 0;
  small.forEach((v, i) => {
    mass += v;
    cx += v * ((i % w) + 0.5);
    cy += v * (Math.floor(i / w) + 0.5);
  });
  const left = Math.round(size / 2 - cx / mass);
  const top = Math.round(size / 2 - cy / mass);
  small.forEach((v, i) => {
    const x = left + (i % w);
    const y = top + Math.floor(i / w);
    if (x >= 0 && y >= 0 && x < size && y < size) data[y * size + x] = Math.round(v);
  });
  return { width: size, height: size, channels: 1, data };
}

interface Bounds {
  left: number;
  top: number;
  /** Exclusive. */
  right: number;
  bottom: number;
}

function inkBounds(ink: ArrayLike<number>, width: number, height: number): Bounds | undefined {
  let bounds: Bounds | undefined;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] <= 0) continue;
      bounds ??= { left: x, top: y, right: x + 1, bottom: y + 1 };
      bounds.left = Math.min(bounds.left, x);
      bounds.top = Math.min(bounds.top, y);
      bounds.right = Math.max(bounds.right, x + 1);
      bounds.bottom = Math.max(bounds.bottom, y + 1);
    }
  }
  return bounds;
}

/** The bounded region of `ink` resized to `w × h`, each target pixel the mean of its area. */
function areaResize(
  ink: ArrayLike<number>,
  width: number,
  b: Bounds,
  w: number,
  h: number,
): number[] {
  const sx = (b.right - b.left) / w;
  const sy = (b.bottom - b.top) / h;
  return Array.from({ length: w * h }, (_, i) => {
    const [x0, y0] = [b.left + (i % w) * sx, b.top + Math.floor(i / w) * sy];
    let sum = 0;
    let area = 0;
    for (let y = Math.floor(y0); y < Math.ceil(y0 + sy); y++) {
      const wy = Math.min(y0 + sy, y + 1) - Math.max(y0, y);
      for (let x = Math.floor(x0); x < Math.ceil(x0 + sx); x++) {
        const a = wy * (Math.min(x0 + sx, x + 1) - Math.max(x0, x));
        sum += a * ink[y * width + x];
        area += a;
      }
    }
    return area > 0 ? sum / area : 0;
  });
}

/** One ink value per pixel from canvas RGBA data: the alpha channel (strokes on transparency). */
export function inkOfRgba(rgba: ArrayLike<number>): Uint8ClampedArray {
  const ink = new Uint8ClampedArray(rgba.length / 4);
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3];
  return ink;
}

/** An image file's RGBA pixels as grey or RGB pixels for the model (alpha composited on black). */
export function pixelsOfRgba(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  channels: 1 | 3,
): PixelImage {
  const data = new Array<number>(width * height * channels);
  for (let i = 0; i < width * height; i++) {
    const alpha = rgba[i * 4 + 3] / 255;
    const [r, g, b] = [0, 1, 2].map((c) => rgba[i * 4 + c] * alpha);
    if (channels === 1) data[i] = Math.round((r + g + b) / 3);
    else [data[i * 3], data[i * 3 + 1], data[i * 3 + 2]] = [r, g, b].map(Math.round);
  }
  return { width, height, channels, data };
}
