import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type FitViewOptions,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { setFlowInstance } from '../actions/flow.js';
import { checkConnection } from '../document/connection.js';
import {
  useFlowElements,
  type LayerFlowNode,
  type ShapeFlowEdge,
} from '../hooks/useFlowElements.js';
import { activeModel } from '../store/documentSlice.js';
import { editorStore, useEditor } from '../store/editorStore.js';
import { uiStore, useUi } from '../store/uiStore.js';
import { LayerNode } from './LayerNode.js';
import { ShapeEdge } from './ShapeEdge.js';

/** Defined once at module scope, as React Flow requires for stable renders. */
const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };

/** The MIME type palette items carry when dragged onto the canvas. */
export const DRAG_KIND = 'application/x-strata-kind';

const store = () => editorStore.getState();

/**
 * Above this many nodes only those in view are mounted: React Flow re-checks every mounted node
 * and edge on each change, which at a thousand layers costs more than mounting nodes on a pan.
 */
const VIRTUALISE_ABOVE = 250;

function check(connection: {
  source: string | null;
  target: string | null;
  targetHandle?: string | null;
}) {
  const state = store();
  return checkConnection(activeModel(state.doc, state.activeModelId), state.doc.blocks, connection);
}

/**
 * Fits the view once per opened document or model switch, when its nodes have been measured. An
 * empty model is left alone, so the first layer dropped on a blank canvas does not move the view.
 */
function useFitOnOpen(nodeCount: number, options: FitViewOptions): void {
  const epoch = useEditor((s) => s.viewEpoch);
  const measured = useNodesInitialized();
  const flow = useReactFlow();
  const fitted = useRef(-1);
  useEffect(() => {
    if (fitted.current === epoch || (nodeCount > 0 && !measured)) return;
    fitted.current = epoch;
    if (nodeCount > 0) void flow.fitView(options);
  }, [epoch, measured, nodeCount, flow, options]);
}

/** The graph editor: React Flow driven by the editor store. */
export function Canvas() {
  const { nodes, edges } = useFlowElements();
  const theme = useUi((s) => s.theme);
  const flow = useReactFlow<LayerFlowNode, ShapeFlowEdge>();

  useEffect(() => {
    setFlowInstance(flow);
    return () => setFlowInstance(null);
  }, [flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => store().applyNodeChanges(changes),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<ShapeFlowEdge>[]) => store().applyEdgeChanges(changes),
    [],
  );
  const onConnect = useCallback((connection: Connection) => {
    const result = store().connect(connection);
    if (!result.ok) uiStore.getState().toast(result.reason, 'error');
  }, []);
  const isValidConnection = useCallback<IsValidConnection<ShapeFlowEdge>>(
    (connection) => check(connection).ok,
    [],
  );
  // React Flow drops an invalid connection silently; say why it was refused.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.toNode || !state.fromNode) return;
      const result = check({
        source: state.fromNode.id,
        target: state.toNode.id,
        targetHandle: state.toHandle?.id,
      });
      if (!result.ok) uiStore.getState().toast(result.reason, 'error');
    },
    [],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_KIND)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(DRAG_KIND);
      if (!kind) return;
      event.preventDefault();
      const [type, value] = kind.split(':', 2);
      const position = flow.screenToFlowPosition({ x: event.clientX - 90, y: event.clientY - 20 });
      if (type === 'block') store().addNode('Block', position, { block: value });
      else store().addNode(value, position);
    },
    [flow],
  );

  // Below ~0.4 node text is unreadable; a tall model is better scrolled than shrunk past it.
  const fitViewOptions = useMemo(() => ({ padding: 0.15, maxZoom: 1.2, minZoom: 0.4 }), []);
  useFitOnOpen(nodes.length, fitViewOptions);
  const proOptions = useMemo(() => ({ hideAttribution: true }), []);

  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlow<LayerFlowNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDrop={onDrop}
        onDragOver={onDragOver}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        proOptions={proOptions}
        colorMode={theme}
        minZoom={0.1}
        onlyRenderVisibleElements={nodes.length > VIRTUALISE_ABOVE}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls fitViewOptions={fitViewOptions} />
      </ReactFlow>
    </div>
  );
}
