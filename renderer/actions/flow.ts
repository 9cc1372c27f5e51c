import type { ReactFlowInstance } from '@xyflow/react';
import type { LayerFlowNode, ShapeFlowEdge } from '../hooks/useFlowElements.js';

/** Low enough that fit view shows a thousand-layer model whole (semantic zoom keeps it legible). */
export const MIN_ZOOM = 0.02;
/** How every "fit view" frames the graph. */
export const FIT_VIEW = { padding: 0.1, minZoom: MIN_ZOOM, maxZoom: 1.2 } as const;

let instance: ReactFlowInstance<LayerFlowNode, ShapeFlowEdge> | null = null;

/** The canvas registers its React Flow instance so commands (zoom, fit, layout) can reach it. */
export function setFlowInstance(next: ReactFlowInstance<LayerFlowNode, ShapeFlowEdge> | null) {
  instance = next;
}

/** The canvas' instance, when the editor is on screen. */
export function flow() {
  return instance;
}

/** Where to put a node added without a drop point: the middle of what the user sees. */
export function viewportCentre(): { x: number; y: number } {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  if (!instance || !pane) return { x: 0, y: 0 };
  return instance.screenToFlowPosition({
    x: pane.left + pane.width / 2 - 100,
    y: pane.top + pane.height / 2 - 40,
  });
}
