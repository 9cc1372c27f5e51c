/**
 * How much of a node the canvas draws at a zoom: everything (`full`); a compact box whose
 * title is drawn large enough to read (`compact`); or a coloured box only (`overview`), where
 * no text would be legible and a thousand nodes must still pan smoothly.
 */
export type ZoomLevel = 'full' | 'compact' | 'overview';

/** Below this zoom parameter text (11 px) would be under 5 px on screen. */
export const COMPACT_BELOW = 0.45;
/** Below this even an enlarged title (see canvas.css) would be under 5 px. */
export const OVERVIEW_BELOW = 0.15;

export function zoomLevel(zoom: number): ZoomLevel {
  if (zoom < OVERVIEW_BELOW) return 'overview';
  if (zoom < COMPACT_BELOW) return 'compact';
  return 'full';
}
