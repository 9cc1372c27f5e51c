import { autoLayout } from '../layout/autoLayout.js';
import { activeModel } from '../store/documentSlice.js';
import { editorStore } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';
import { flow } from './flow.js';

/** Lays the active model out top to bottom as one undo step, then fits it in view. */
export async function layoutModel() {
  const state = editorStore.getState();
  const model = activeModel(state.doc, state.activeModelId);
  if (model.nodes.length === 0) return;
  try {
    const positions = await autoLayout(model, state.measured);
    editorStore.getState().moveAll(positions, 'Auto layout');
    requestAnimationFrame(
      () => void flow()?.fitView({ padding: 0.15, duration: 200, minZoom: 0.4, maxZoom: 1.2 }),
    );
  } catch (e) {
    uiStore
      .getState()
      .toast(`Layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
  }
}
