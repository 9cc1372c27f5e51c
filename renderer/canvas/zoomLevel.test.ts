import { describe, expect, it } from 'vitest';
import { COMPACT_BELOW, OVERVIEW_BELOW, zoomLevel } from './zoomLevel.js';

describe('semantic zoom', () => {
  it('draws whole nodes near, compact titled boxes further out, bare boxes furthest', () => {
    expect(zoomLevel(1)).toBe('full');
    expect(zoomLevel(COMPACT_BELOW)).toBe('full');
    expect(zoomLevel(0.3)).toBe('compact');
    expect(zoomLevel(OVERVIEW_BELOW)).toBe('compact');
    expect(zoomLevel(0.05)).toBe('overview');
  });

  it('keeps an enlarged compact title readable wherever compact is used', () => {
    // canvas.css draws compact titles at 30 px: at least 4.5 px on screen at the lowest zoom.
    expect(30 * OVERVIEW_BELOW).toBeGreaterThanOrEqual(4.5);
    expect(30 * COMPACT_BELOW).toBeGreaterThan(13);
  });
});
