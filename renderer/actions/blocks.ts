import { expandBlockNode, groupIntoBlock } from '../../shared/graph/blocks.js';
import { activeModel } from '../store/documentSlice.js';
import { editorStore } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';

const editor = () => editorStore.getState();

/** Groups the selected layers into a new reusable block, replacing them by one Block node. */
export function groupSelection(name = `Block ${editor().doc.blocks.length + 1}`) {
  const state = editor();
  const model = activeModel(state.doc, state.activeModelId);
  const result = groupIntoBlock(
    model,
    state.selection.nodes,
    name,
    state.doc.blocks.map((b) => b.id),
  );
  if (!result.ok) {
    uiStore.getState().toast(result.reason, 'error');
    return;
  }
  state.commit('Group into block', (doc) => ({
    ...doc,
    blocks: [...doc.blocks, result.block],
    models: doc.models.map((m) => (m.id === model.id ? result.graph : m)),
  }));
  editor().select([result.nodeId]);
}

/** Replaces a Block node by the layers it stands for. */
export function expandBlock(nodeId: string) {
  const state = editor();
  const result = expandBlockNode(
    activeModel(state.doc, state.activeModelId),
    nodeId,
    state.doc.blocks,
  );
  if (!result.ok) {
    uiStore.getState().toast(result.reason, 'error');
    return;
  }
  state.editModel('Expand block', () => result.graph);
  editor().select([]);
}
