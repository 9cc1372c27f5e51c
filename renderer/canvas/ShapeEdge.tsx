import { BaseEdge, EdgeLabelRenderer, useStore, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ShapeFlowEdge } from '../hooks/useFlowElements.js';
import { useEditor } from '../store/editorStore.js';
import { edgeFacts } from './analysisFacts.js';
import { edgePath, skipRail, type NodeBox } from './edgePath.js';

/** An edge labelled with the shape of the tensor it carries, red when that tensor does not fit. */
function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>) {
  const { id, source, target, data, selected, markerEnd } = props;
  const port = data?.port ?? 0;
  // Narrow and stable: this edge re-renders when its own shape or problems change.
  const { shape, problems } = useEditor((s) => edgeFacts(s.analysis, { id, source, target, port }));
  // A number, so the edge re-renders only when its rail moves, not on every node change.
  const rail = useStore((s) => skipRail(props, boxes(s.nodeLookup.values())));
  const [path, labelX, labelY] = edgePath(props, rail);
  const state = problems.length > 0 ? ' has-error' : '';

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`shape-edge${state}${selected ? ' selected' : ''}`}
      />
      <EdgeLabelRenderer>
        <div
          className={`edge-label nodrag nopan${state}${selected ? ' selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid="edge-shape"
          data-edge-id={id}
          title={problems.map((p) => p.message).join('\n') || undefined}
        >
          {shape}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

/** The nodes React Flow has measured, as boxes in flow coordinates. */
function* boxes(
  nodes: Iterable<{
    id: string;
    measured: { width?: number; height?: number };
    internals: { positionAbsolute: { x: number; y: number } };
  }>,
): Iterable<NodeBox> {
  for (const { id, measured, internals } of nodes) {
    if (measured.width === undefined || measured.height === undefined) continue;
    const { x, y } = internals.positionAbsolute;
    yield { id, x, y, width: measured.width, height: measured.height };
  }
}

export const ShapeEdge = memo(ShapeEdgeView);
