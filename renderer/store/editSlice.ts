import type { StateCreator } from 'zustand';
import { isLayerKind, layerDefinition } from '../../shared/layers/catalogue.js';
import { checkConnection } from '../document/connection.js';
import { cutFragment, pasteFragment } from '../document/fragment.js';
import {
  addNode,
  moveNodes,
  removeElements,
  renameNode,
  setParam,
} from '../document/graphEdits.js';
import { freshId } from '../document/ids.js';
import { emptyModel } from '../document/project.js';
import { activeModel } from './documentSlice.js';
import type { EditorState, EditSlice } from './types.js';

/** `Conv2D`, or the user's name for the node. */
function nodeLabel(state: EditorState, id: string): string {
  const node = activeModel(state.doc, state.activeModelId).nodes.find((n) => n.id === id);
  if (!node) return id;
  return node.name ?? (isLayerKind(node.kind) ? layerDefinition(node.kind).label : node.kind);
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The user's edits of the active model, each one labelled undo step. */
export const createEditSlice: StateCreator<EditorState, [], [], EditSlice> = (set, get) => ({
  addNode(kind, position, params) {
    const model = activeModel(get().doc, get().activeModelId);
    const { graph, node } = addNode(model, kind, position, params);
    const label = isLayerKind(kind) ? layerDefinition(kind).label : kind;
    get().editModel(`Add ${label}`, () => graph);
    set({ selection: { nodes: [node.id], edges: [] } });
    return node;
  },

  connect(attempt) {
    const state = get();
    const model = activeModel(state.doc, state.activeModelId);
    const check = checkConnection(model, state.doc.blocks, attempt);
    if (check.ok) {
      const { edge } = check;
      const label = `Connect ${nodeLabel(state, edge.source)} to ${nodeLabel(state, edge.target)}`;
      state.editModel(label, (graph) => ({ ...graph, edges: [...graph.edges, edge] }));
    }
    return check;
  },

  deleteSelection() {
    const state = get();
    const { nodes, edges } = state.selection;
    if (nodes.length === 0 && edges.length === 0) return;
    const label =
      nodes.length === 1 && edges.length === 0
        ? `Delete ${nodeLabel(state, nodes[0])}`
        : nodes.length === 0
          ? `Delete ${count(edges.length, 'edge')}`
          : `Delete ${count(nodes.length, 'layer')}`;
    state.editModel(label, (graph) => removeElements(graph, new Set(nodes), new Set(edges)));
    set({ selection: { nodes: [], edges: [] } });
  },

  duplicateSelection() {
    const fragment = get().copySelection();
    if (fragment) get().paste(fragment, { x: 40, y: 40 });
  },

  copySelection() {
    const state = get();
    if (state.selection.nodes.length === 0) return undefined;
    const model = activeModel(state.doc, state.activeModelId);
    return cutFragment(model, new Set(state.selection.nodes), state.doc.blocks);
  },

  paste(fragment, offset) {
    const state = get();
    if (fragment.nodes.length === 0) return;
    const model = activeModel(state.doc, state.activeModelId);
    const { graph, nodeIds } = pasteFragment(model, fragment, offset);
    const known = new Set(state.doc.blocks.map((b) => b.id));
    const blocks = [...state.doc.blocks, ...fragment.blocks.filter((b) => !known.has(b.id))];
    const label = `Paste ${count(nodeIds.length, 'layer')}`;
    state.commit(label, (doc) => ({
      ...doc,
      blocks,
      models: doc.models.map((m) => (m.id === model.id ? graph : m)),
    }));
    set({ selection: { nodes: nodeIds, edges: [] } });
  },

  setParam(nodeId, param, value) {
    get().editModel(`Change ${param}`, (graph) => setParam(graph, nodeId, param, value), {
      mergeKey: `${nodeId}:${param}`,
    });
  },

  renameNode(nodeId, name) {
    get().editModel('Rename layer', (graph) => renameNode(graph, nodeId, name), {
      mergeKey: `${nodeId}:name`,
    });
  },

  moveAll(positions, label) {
    get().editModel(label, (graph) => moveNodes(graph, positions));
  },

  addModel() {
    const ids = new Set(get().doc.models.map((m) => m.id));
    const id = freshId('model', ids);
    const name = `Model ${get().doc.models.length + 1}`;
    get().commit('Add model', (doc) => ({ ...doc, models: [...doc.models, emptyModel(id, name)] }));
    get().setActiveModel(id);
  },

  renameModel(id, name) {
    if (name.trim() === '') return;
    get().commit(
      'Rename model',
      (doc) => ({
        ...doc,
        models: doc.models.map((m) => (m.id === id ? { ...m, name: name.trim() } : m)),
      }),
      { mergeKey: `${id}:model-name` },
    );
  },
});
