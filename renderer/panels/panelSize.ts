/** A side panel's size and whether it is folded away, as remembered between sessions. */
export interface PanelState {
  size: number;
  collapsed: boolean;
}

/** How a panel may be sized. */
export interface PanelLimits {
  initial: number;
  min: number;
  max: number;
}

/** `size` kept within the panel's limits (a window made smaller must not lose a panel). */
export function clampSize(size: number, limits: PanelLimits): number {
  if (!Number.isFinite(size)) return limits.initial;
  return Math.round(Math.min(limits.max, Math.max(limits.min, size)));
}

/** Reads a remembered state; anything unreadable gives the panel's defaults. */
export function readPanelState(text: string | null, limits: PanelLimits): PanelState {
  const fallback = { size: limits.initial, collapsed: false };
  if (!text) return fallback;
  try {
    const value = JSON.parse(text) as Partial<PanelState>;
    return {
      size: typeof value.size === 'number' ? clampSize(value.size, limits) : limits.initial,
      collapsed: value.collapsed === true,
    };
  } catch {
    return fallback;
  }
}

/**
 * The size after dragging the panel's edge by `delta` pixels from where a drag began. A left
 * panel grows as its right edge moves right; a right panel as its left edge moves left; a bottom
 * panel as its top edge moves up.
 */
export function dragSize(
  start: number,
  delta: number,
  side: 'left' | 'right' | 'bottom',
  limits: PanelLimits,
): number {
  return clampSize(side === 'left' ? start + delta : start - delta, limits);
}
