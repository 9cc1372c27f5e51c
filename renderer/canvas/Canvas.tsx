import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type FitViewOptions,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
} from 'react';
import { canvasMenu, edgeMenu, nodeMenu, type MenuItem } from '../actions/contextMenus.js';
import { FIT_VIEW, MIN_ZOOM, setFlowInstance } from '../actions/flow.js';
import { checkConnection } from '../document/connection.js';
import {
  useFlowElements,
  type LayerFlowNode,
  type ShapeFlowEdge,
} from '../hooks/useFlowElements.js';
import { activeModel } from '../store/documentSlice.js';
import { editorStore, useEditor } from '../store/editorStore.js';
import { uiStore, useUi } from '../store/uiStore.js';
import { ContextMenu } from './ContextMenu.js';
import { LayerNode } from './LayerNode.js';
import { ShapeEdge } from './ShapeEdge.js';
import { zoomLevel } from './zoomLevel.js';

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

/** The edge under a point on screen (its line or its shape label), if any. */
function edgeAt(x: number, y: number): string | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    const edge = element.closest<HTMLElement | SVGElement>('.react-flow__edge, [data-edge-id]');
    const id = edge?.dataset.edgeId ?? edge?.dataset.id;
    if (id) return id;
  }
  return undefined;
}

/** Shows the palette if hidden and puts the cursor in its search box. */
function focusPaletteSearch() {
  uiStore.getState().set({ palette: true });
  requestAnimationFrame(() =>
    document.querySelector<HTMLInputElement>('input[aria-label="Search layers"]')?.focus(),
  );
}

type OpenMenu = { at: { x: number; y: number }; label: string; items: MenuItem[] };

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

/**
 * The canvas frame, classed by zoom level: CSS draws compact nodes from it, so a zoom that
 * stays within one level re-renders nothing.
 */
function ZoomFrame({
  children,
  onContextMenu,
}: {
  children: ReactNode;
  onContextMenu(e: ReactMouseEvent): void;
}) {
  const level = useStore((s) => zoomLevel(s.transform[2]));
  return (
    <div
      className={`canvas zoom-${level}`}
      data-testid="canvas"
      data-zoom-level={level}
      onContextMenu={onContextMenu}
    >
      {children}
    </div>
  );
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
      // Dropped on a connection: the layer goes into it, as in node editors people know.
      const where = { onEdge: edgeAt(event.clientX, event.clientY) };
      if (type === 'block') store().addNode('Block', position, { block: value }, where);
      else store().addNode(value, position, undefined, where);
    },
    [flow],
  );

  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const open = (event: MouseEvent | ReactMouseEvent, label: string, items: MenuItem[]) => {
    event.preventDefault();
    setMenu({ at: { x: event.clientX, y: event.clientY }, label, items });
  };
  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: LayerFlowNode) => open(event, 'Layer', nodeMenu(node.id)),
    [],
  );
  const onEdgeContextMenu = useCallback(
    (event: ReactMouseEvent, edge: ShapeFlowEdge) => open(event, 'Connection', edgeMenu(edge.id)),
    [],
  );
  // Shape labels sit outside React Flow's edge elements: a right-click on one is its edge's.
  const onLabelContextMenu = useCallback((event: ReactMouseEvent) => {
    const label = (event.target as HTMLElement).closest<HTMLElement>('[data-edge-id]');
    if (label?.dataset.edgeId) open(event, 'Connection', edgeMenu(label.dataset.edgeId));
  }, []);
  const onPaneContextMenu = useCallback(
    (event: MouseEvent | ReactMouseEvent) => open(event, 'Canvas', canvasMenu(focusPaletteSearch)),
    [],
  );

  // Fit view must reach any graph, however large: semantic zoom keeps titles readable below 0.4.
  const fitViewOptions = useMemo(() => ({ ...FIT_VIEW }), []);
  useFitOnOpen(nodes.length, fitViewOptions);
  const proOptions = useMemo(() => ({ hideAttribution: true }), []);

  return (
    <ZoomFrame onContextMenu={onLabelContextMenu}>
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
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        proOptions={proOptions}
        colorMode={theme}
        minZoom={MIN_ZOOM}
        onlyRenderVisibleElements={nodes.length > VIRTUALISE_ABOVE}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls fitViewOptions={fitViewOptions} />
      </ReactFlow>
      {menu && <ContextMenu {...menu} onClose={closeMenu} />}
    </ZoomFrame>
  );
}
