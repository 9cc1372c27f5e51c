import type { BlockDefinition, ModelGraph } from '../../shared/graph/document.js';
import { api } from '../api/index.js';
import { readProject } from '../document/project.js';
import { editorStore } from '../store/editorStore.js';
import { refreshRuns } from './actions.js';
import { trainingStore } from './trainingStore.js';

const training = () => trainingStore.getState();
const editor = () => editorStore.getState();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Renames, annotates or stars a run, then shows the list as saved. */
export async function updateRun(
  runId: string,
  change: { name?: string; note?: string; starred?: boolean },
): Promise<void> {
  const path = editor().path;
  if (!path) return;
  try {
    await api()['runs.update']({ path, runId, ...change });
    await refreshRuns();
  } catch (error) {
    training().set({ error: `Cannot change run ${runId}: ${messageOf(error)}` });
  }
}

/** Deletes a run (the list asked first) and takes it off the dashboard. */
export async function deleteRun(runId: string): Promise<void> {
  const path = editor().path;
  if (!path) return;
  try {
    await api()['runs.delete']({ path, runId });
    const runs = { ...training().runs };
    delete runs[runId];
    training().set({
      runs,
      overlay: training().overlay.filter((id) => id !== runId),
      ...(training().currentRunId === runId ? { currentRunId: null } : {}),
    });
    await refreshRuns();
  } catch (error) {
    training().set({ error: `Cannot delete run ${runId}: ${messageOf(error)}` });
  }
}

/** The models and blocks a run trained, or undefined when it kept none (an older run). */
export async function runGraph(runId: string) {
  const path = editor().path;
  if (!path) return undefined;
  const { document } = await api()['runs.snapshot']({ path, runId });
  if (!document) return undefined;
  const project = readProject(document);
  return { project, modelId: project.recipe?.model };
}

/**
 * Adds the model a run trained to the project as a new tab (one undo step), named after the
 * run, with any block it uses that the project lacks; shows it.
 */
export function openRunModel(
  runId: string,
  graph: ModelGraph,
  blocks: readonly BlockDefinition[],
): void {
  const state = editor();
  const ids = new Set(state.doc.models.map((m) => m.id));
  let id = `${graph.id}-run`;
  for (let n = 2; ids.has(id); n++) id = `${graph.id}-run${n}`;
  const run = training().history.find((r) => r.runId === runId);
  const name = `${graph.name} (run ${run?.meta.name ?? runId.slice(0, 16)})`;
  state.commit('Open run model', (doc) => {
    const known = new Set(doc.blocks.map((b) => b.id));
    const missing = blocks.filter((b) => !known.has(b.id));
    return {
      ...doc,
      models: [...doc.models, { ...graph, id, name }],
      blocks: [...doc.blocks, ...missing],
    };
  });
  editor().setActiveModel(id);
  training().set({ view: 'editor' });
}
