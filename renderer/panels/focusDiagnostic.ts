import type { Diagnostic } from '../../shared/graph/diagnostics.js';
import { flow } from '../actions/flow.js';
import { activeModel } from '../store/documentSlice.js';
import { editorStore } from '../store/editorStore.js';

/** Selects the node or edge a diagnostic points at and brings it into view. */
export function focusDiagnostic(diagnostic: Diagnostic) {
  const state = editorStore.getState();
  const { target } = diagnostic;
  if (target.type === 'model') return;
  const model = activeModel(state.doc, state.activeModelId);
  const nodeId =
    target.type === 'node'
      ? target.nodeId
      : model.edges.find((e) => e.id === target.edgeId)?.target;
  if (target.type === 'node') state.select([target.nodeId]);
  else state.select([], [target.edgeId]);
  if (nodeId) centreOn(nodeId);
}

/** Selects a node and brings it to the middle of the view. */
export function focusNode(nodeId: string) {
  editorStore.getState().select([nodeId]);
  // The model may have just been switched to: wait for React Flow to have the node.
  requestAnimationFrame(() => centreOn(nodeId));
}

function centreOn(nodeId: string) {
  const node = flow()?.getInternalNode(nodeId);
  if (node) {
    const { width = 200, height = 80 } = node.measured;
    const { x, y } = node.internals.positionAbsolute;
    void flow()?.setCenter(x + width / 2, y + height / 2, {
      zoom: flow()?.getZoom(),
      duration: 250,
    });
  }
}
