import { describe, expect, it } from 'vitest';
import { clampSize, dragSize, readPanelState } from './panelSize.js';

const limits = { initial: 240, min: 160, max: 480 };

describe('side panel sizes', () => {
  it('keeps a size within the limits', () => {
    expect(clampSize(100, limits)).toBe(160);
    expect(clampSize(900, limits)).toBe(480);
    expect(clampSize(300.4, limits)).toBe(300);
    expect(clampSize(Number.NaN, limits)).toBe(240);
  });

  it('grows a left panel rightwards, a right panel leftwards, a bottom panel upwards', () => {
    expect(dragSize(240, 50, 'left', limits)).toBe(290);
    expect(dragSize(240, 50, 'right', limits)).toBe(190);
    expect(dragSize(240, -60, 'bottom', limits)).toBe(300);
  });

  it('reads what it remembered, and defaults for anything else', () => {
    expect(readPanelState('{"size":320,"collapsed":true}', limits)).toEqual({
      size: 320,
      collapsed: true,
    });
    expect(readPanelState('{"size":9999}', limits)).toEqual({ size: 480, collapsed: false });
    expect(readPanelState('not json', limits)).toEqual({ size: 240, collapsed: false });
    expect(readPanelState(null, limits)).toEqual({ size: 240, collapsed: false });
  });
});
