import { viewportCentre } from '../actions/flow.js';
import { activeModel } from '../store/documentSlice.js';
import { editorStore } from '../store/editorStore.js';

/**
 * Adds a palette item (`layer:Dense`, `block:<id>`) without a drop point: after the selected
 * layer when exactly one with an output is selected (building a chain by double-clicks), else in
 * the middle of the view.
 */
export function addFromPalette(item: string) {
  const [type, value] = item.split(':', 2);
  const store = editorStore.getState();
  const kind = type === 'block' ? 'Block' : value;
  const params = type === 'block' ? { block: value } : undefined;
  const [selected, ...more] = store.selection.nodes;
  const after = activeModel(store.doc, store.activeModelId).nodes.find((n) => n.id === selected);
  if (after && more.length === 0 && after.kind !== 'Output') store.addAfter(kind, after.id, params);
  else store.addNode(kind, viewportCentre(), params);
}
