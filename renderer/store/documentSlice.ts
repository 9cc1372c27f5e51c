import type { StateCreator } from 'zustand';
import { analyzeModel, type ModelAnalysis } from '../../shared/graph/analyze.js';
import type { ModelGraph } from '../../shared/graph/document.js';
import { projectDatasetSchema } from '../../shared/project/datasets.js';
import { docDatasets } from '../data/projectDatasets.js';
import { blankProject, type ProjectDoc } from '../document/project.js';
import { emptyHistory, record, redo, undo } from './history.js';
import type { DocumentSlice, EditorState } from './types.js';

/** The model on screen: the one asked for, or the first when it no longer exists. */
export function activeModel(doc: ProjectDoc, id: string): ModelGraph {
  return doc.models.find((m) => m.id === id) ?? doc.models[0];
}

/** The model's analysis; the recipe's dataset is checked against the model it trains. */
function analyse(doc: ProjectDoc, modelId: string): ModelAnalysis {
  const model = activeModel(doc, modelId);
  // A GAN's generator reads noise, not the dataset, so only other tasks are checked against it.
  const dataset =
    doc.recipe?.model === model.id && doc.recipe.task !== 'gan'
      ? projectDatasetSchema(docDatasets(doc), doc.recipe.dataset)
      : undefined;
  return analyzeModel(model, { blocks: doc.blocks, dataset });
}

/** Drops selected ids that no longer exist, so undo never leaves a ghost selection. */
function pruneSelection(state: EditorState, doc: ProjectDoc) {
  const model = activeModel(doc, state.activeModelId);
  const nodes = new Set(model.nodes.map((n) => n.id));
  const edges = new Set(model.edges.map((e) => e.id));
  return {
    nodes: state.selection.nodes.filter((id) => nodes.has(id)),
    edges: state.selection.edges.filter((id) => edges.has(id)),
  };
}

/** The document, its labelled undo history and the active model's analysis. */
export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set, get) => {
  const initial = blankProject();
  return {
    doc: initial,
    history: emptyHistory(),
    activeModelId: initial.models[0].id,
    viewEpoch: 0,
    analysis: analyse(initial, initial.models[0].id),

    commit(label, change, options) {
      const state = get();
      const doc = change(state.doc);
      if (doc === state.doc) return;
      set({
        doc,
        history: record(state.history, label, state.doc, { mergeKey: options?.mergeKey }),
        analysis: analyse(doc, state.activeModelId),
        dragStart: undefined,
      });
    },

    editModel(label, change, options) {
      const id = activeModel(get().doc, get().activeModelId).id;
      get().commit(
        label,
        (doc) => {
          const models = doc.models.map((m) => (m.id === id ? change(m) : m));
          return models.some((m, i) => m !== doc.models[i]) ? { ...doc, models } : doc;
        },
        options,
      );
    },

    undo() {
      const state = get();
      const step = undo(state.history, state.doc);
      if (!step) return;
      set({
        doc: step.document,
        history: step.history,
        analysis: analyse(step.document, state.activeModelId),
        selection: pruneSelection(state, step.document),
      });
    },

    redo() {
      const state = get();
      const step = redo(state.history, state.doc);
      if (!step) return;
      set({
        doc: step.document,
        history: step.history,
        analysis: analyse(step.document, state.activeModelId),
        selection: pruneSelection(state, step.document),
      });
    },

    setActiveModel(id) {
      set({
        activeModelId: id,
        viewEpoch: get().viewEpoch + 1,
        analysis: analyse(get().doc, id),
        selection: { nodes: [], edges: [] },
      });
    },

    replaceDocument(doc) {
      const modelId = doc.models[0].id;
      set({
        doc,
        history: emptyHistory(),
        activeModelId: modelId,
        viewEpoch: get().viewEpoch + 1,
        analysis: analyse(doc, modelId),
        dragStart: undefined,
        selection: { nodes: [], edges: [] },
        measured: {},
      });
    },
  };
};
