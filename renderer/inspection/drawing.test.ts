import { describe, expect, it } from 'vitest';
import { digitFromInk, inkOfRgba, pixelsOfRgba } from './drawing.js';

/** A 280×280 pad with full ink in the given rectangle (inclusive left/top, exclusive right/bottom). */
function pad(left: number, top: number, right: number, bottom: number) {
  const ink = new Uint8ClampedArray(280 * 280);
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) ink[y * 280 + x] = 255;
  return ink;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('digitFromInk', () => {
  it('gives a blank 28×28 image for a blank pad', () => {
    const digit = digitFromInk(new Uint8ClampedArray(280 * 280), 280, 280);
    expect(digit).toMatchObject({ width: 28, height: 28, channels: 1 });
    expect(sum(digit.data)).toBe(0);
  });

  it('scales a stroke drawn in a corner into the central 20-pixel box, centred by mass', () => {
    // A tall bar 40×100 in the top-left: its longer side becomes 20 pixels, the other 8.
    const digit = digitFromInk(pad(10, 10, 50, 110), 280, 280);
    const inked = digit.data.flatMap((v, i) => (v > 0 ? [i] : []));
    const xs = inked.map((i) => i % 28);
    const ys = inked.map((i) => Math.floor(i / 28));
    expect(Math.max(...ys) - Math.min(...ys) + 1).toBe(20);
    expect(Math.max(...xs) - Math.min(...xs) + 1).toBe(8);
    // Its middle lands at the image centre, 14 (the bar spans 4..23 × 10..17).
    expect((Math.min(...ys) + Math.max(...ys) + 1) / 2).toBe(14);
    expect((Math.min(...xs) + Math.max(...xs) + 1) / 2).toBe(14);
    expect(new Set(inked.map((i) => digit.data[i]))).toEqual(new Set([255]));
  });

  it('keeps a thin stroke visible, with partial ink at its edges, rather than dropping it', () => {
    // A 6-pixel-wide line across 200 pixels shrinks ten times: 0.6 of a pixel wide.
    const digit = digitFromInk(pad(40, 137, 240, 143), 280, 280);
    expect(sum(digit.data)).toBeGreaterThan(0);
    expect(Math.max(...digit.data)).toBe(255);
  });
});

describe('canvas data', () => {
  it('reads ink from alpha, and flattens image files onto black', () => {
    expect(Array.from(inkOfRgba([0, 0, 0, 0, 9, 9, 9, 200]))).toEqual([0, 200]);
    const rgba = [255, 0, 0, 255, 255, 255, 255, 0];
    expect(pixelsOfRgba(rgba, 2, 1, 1).data).toEqual([85, 0]);
    expect(pixelsOfRgba(rgba, 2, 1, 3).data).toEqual([255, 0, 0, 0, 0, 0]);
  });
});
