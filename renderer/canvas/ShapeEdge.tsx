import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ShapeFlowEdge } from '../hooks/useFlowElements.js';
import { useEditor } from '../store/editorStore.js';
import { edgeFacts } from './analysisFacts.js';

/** An edge labelled with the shape of the tensor it carries, red when that tensor does not fit. */
function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>) {
  const { id, source, target, data, selected, markerEnd } = props;
  const port = data?.port ?? 0;
  // Narrow and stable: this edge re-renders when its own shape or problems change.
  const { shape, problems } = useEditor((s) => edgeFacts(s.analysis, { id, source, target, port }));
  const [path, labelX, labelY] = getBezierPath(props);
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
          title={problems.map((p) => p.message).join('\n') || undefined}
        >
          {shape}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
