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
import { numberedName } from '../document/names.js';
import { insertAfter, placeBelow, spliceIntoEdge } from '../document/splice.js';
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

/** What the user calls a kind: the catalogue's label, a block's name, else the kind itself. */
function kindLabel(state: EditorState, kind: string, params?: Record<string, unknown>): string {
  if (kind === 'Block') return state.doc.blocks.find((b) => b.id === params?.block)?.name ?? kind;
  return isLayerKind(kind) ? layerDefinition(kind).label : kind;
}

/** The size to assume for a node React Flow has not measured yet. */
const NEW_NODE = { width: 200, height: 90 };

/** The user's edits of the active model, each one labelled undo step. */
export const createEditSlice: StateCreator<EditorState, [], [], EditSlice> = (set, get) => ({
  addNode(kind, position, params, where) {
    const state = get();
    const model = activeModel(state.doc, state.activeModelId);
    const label = kindLabel(state, kind, params);
    const { graph, node } = addNode(model, kind, position, params, numberedName(model, label));
    let next = graph;
    let step = `Add ${label}`;
    if (where?.onEdge) {
      const spliced = spliceIntoEdge(graph, node.id, where.onEdge);
      if (spliced) {
        next = spliced;
        step = `Insert ${label}`;
      }
    } else if (where?.after && graph.nodes.some((n) => n.id === where.after)) {
      next = insertAfter(graph, where.after, node.id, where.shift);
      step = `Add ${label} after ${nodeLabel(state, where.after)}`;
    }
    get().editModel(step, () => next);
    set({ selection: { nodes: [node.id], edges: [] } });
    return node;
  },

  addAfter(kind, afterId, params) {
    const state = get();
    const model = activeModel(state.doc, state.activeModelId);
    const after = model.nodes.find((n) => n.id === afterId);
    if (!after) return undefined;
    const { position, shift } = placeBelow(after, state.measured[afterId] ?? NEW_NODE);
    return get().addNode(kind, position, params, { after: afterId, shift });
  },

  connect(attempt) {
    const state = get();
    const model = activeModel(state.doc, state.activeModelId);
    const check = checkConnection(model, state.doc.blocks, attempt);
    if (check.ok) {
      const { edge, replaces } = check;
      const source = nodeLabel(state, edge.source);
      const target = nodeLabel(state, edge.target);
      // Replacing a used input is one step: undo brings the old edge back with the new one gone.
      const label = replaces
        ? `Replace ${target}'s input by ${source}`
        : `Connect ${source} to ${target}`;
      state.editModel(label, (graph) => ({
        ...graph,
        edges: [...graph.edges.filter((e) => e.id !== replaces?.id), edge],
      }));
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
