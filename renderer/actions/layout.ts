import { estimateSizes } from '../layout/nodeSize.js';
import { layoutOffThread } from '../layout/layoutClient.js';
import { activeModel } from '../store/documentSlice.js';
import { editorStore } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';
import { FIT_VIEW, flow } from './flow.js';

/**
 * Lays the active model out top to bottom as one undo step (off the UI thread, with a note in
 * the status bar while it runs), then fits it in view. Edits made meanwhile win: a layout of a
 * document that has since changed is dropped.
 */
export async function layoutModel() {
  const state = editorStore.getState();
  const model = activeModel(state.doc, state.activeModelId);
  if (model.nodes.length === 0 || uiStore.getState().busy) return;
  // Measured sizes where React Flow has them; the drawn size elsewhere (nodes out of view).
  const sizes = { ...estimateSizes(model, state.doc.blocks, state.analysis), ...state.measured };
  uiStore.getState().set({ busy: `Laying out ${model.nodes.length} layers…` });
  try {
    const positions = await layoutOffThread({
      graph: { nodes: model.nodes, edges: model.edges },
      sizes,
    });
    const now = editorStore.getState();
    if (activeModel(now.doc, now.activeModelId) !== model) {
      uiStore.getState().toast('The model changed during layout; run Auto layout again.');
      return;
    }
    now.moveAll(positions, 'Auto layout');
    requestAnimationFrame(() => void flow()?.fitView({ ...FIT_VIEW, duration: 200 }));
  } catch (e) {
    uiStore
      .getState()
      .toast(`Layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
  } finally {
    uiStore.getState().set({ busy: null });
  }
}
