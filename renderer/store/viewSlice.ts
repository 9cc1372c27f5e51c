import type { StateCreator } from 'zustand';
import { moveNodes } from '../document/graphEdits.js';
import { activeModel } from './documentSlice.js';
import { record } from './history.js';
import type { EditorState, ViewSlice } from './types.js';

function toggle(ids: string[], id: string, on: boolean): string[] {
  const without = ids.filter((x) => x !== id);
  return on ? [...without, id] : without;
}

const plural = (n: number, word: string) => (n === 1 ? `Move ${word}` : `Move ${n} ${word}s`);

/**
 * Selection and measured sizes, and React Flow's change events applied to the store. A drag
 * moves nodes live without history, then records one step when it ends.
 */
export const createViewSlice: StateCreator<EditorState, [], [], ViewSlice> = (set, get) => ({
  selection: { nodes: [], edges: [] },
  measured: {},

  select(nodes, edges = []) {
    set({ selection: { nodes, edges } });
  },

  selectAll() {
    const model = activeModel(get().doc, get().activeModelId);
    set({
      selection: { nodes: model.nodes.map((n) => n.id), edges: model.edges.map((e) => e.id) },
    });
  },

  applyNodeChanges(changes) {
    const state = get();
    const positions = new Map<string, { x: number; y: number }>();
    let measured = state.measured;
    let nodes = state.selection.nodes;
    let dragging = false;
    let ended = false;
    for (const change of changes) {
      if (change.type === 'position') {
        if (change.position) positions.set(change.id, change.position);
        if (change.dragging === true) dragging = true;
        if (change.dragging === false) ended = true;
      } else if (change.type === 'dimensions' && change.dimensions) {
        const { width, height } = change.dimensions;
        const old = measured[change.id];
        if (!old || old.width !== width || old.height !== height) {
          measured = { ...measured, [change.id]: { width, height } };
        }
      } else if (change.type === 'select') {
        nodes = toggle(nodes, change.id, change.selected);
      }
      // 'remove' is ignored: deleting goes through deleteSelection, one labelled step.
    }
    const update: Partial<EditorState> = {};
    if (measured !== state.measured) update.measured = measured;
    if (nodes !== state.selection.nodes) update.selection = { ...state.selection, nodes };
    if (positions.size > 0) {
      const before = state.dragStart ?? state.doc;
      const id = activeModel(state.doc, state.activeModelId).id;
      const doc = {
        ...state.doc,
        models: state.doc.models.map((m) => (m.id === id ? moveNodes(m, positions) : m)),
      };
      update.doc = doc;
      if (dragging && !ended) {
        update.dragStart = before;
      } else {
        update.dragStart = undefined;
        update.history = record(state.history, plural(positions.size, 'layer'), before);
      }
    }
    if (Object.keys(update).length > 0) set(update);
  },

  applyEdgeChanges(changes) {
    let edges = get().selection.edges;
    for (const change of changes) {
      if (change.type === 'select') edges = toggle(edges, change.id, change.selected);
    }
    if (edges !== get().selection.edges) set({ selection: { ...get().selection, edges } });
  },
});
