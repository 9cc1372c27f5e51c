import { api } from '../api/index.js';
import { writeProject } from '../document/project.js';
import { replayRun } from '../dashboard/runState.js';
import { editorStore, isDirty } from '../store/editorStore.js';
import { frameQueue } from './frameQueue.js';
import { trainingStore, type RunEvent } from './trainingStore.js';

const training = () => trainingStore.getState();
const editor = () => editorStore.getState();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let unsubscribe: (() => void) | undefined;

const ENDINGS = new Set(['finished', 'stopped', 'failed']);

/** Events wait for the next frame and enter the store together: one redraw a frame at most. */
const receive = frameQueue<RunEvent>((received) => {
  training().receiveAll(received);
  if (received.some(({ event }) => ENDINGS.has(event.type))) void refreshRuns();
});

/**
 * Listens to this window's training events for the life of the page, whichever view is shown:
 * runs keep training and their charts keep filling while the user edits or the window is hidden.
 */
export function listenToTraining(): void {
  unsubscribe ??= api().on('main:training.event', receive);
}

/** Loads the built-in datasets and the backend ladder's answer, once. */
export async function loadTrainingOptions(): Promise<void> {
  try {
    if (training().datasets.length === 0)
      training().set({ datasets: await api()['datasets.list']() });
    if (!training().backends) training().set({ backends: await api()['backends.describe']() });
  } catch (error) {
    training().set({ error: `Cannot load training options: ${messageOf(error)}` });
  }
}

/** Why the project cannot be trained now, or null when it can. */
export function cannotTrain(): string | null {
  const state = editor();
  if (!state.path) return 'Save the project first: runs are kept beside the project file.';
  if (!state.doc.recipe) return 'The project has no training recipe.';
  return null;
}

/**
 * Trains the current document (saved or not: the run records what was trained) of the project
 * saved on disk, or continues `resumeRunId` from its newest checkpoint.
 */
export async function startRun(resumeRunId?: string): Promise<void> {
  listenToTraining();
  const refused = cannotTrain();
  if (refused) return training().set({ error: refused });
  // Saved with the project: what this project asks for, never what the last one did.
  const { backend, batchesPerEpoch } = editor().doc.recipe ?? {};
  training().set({ error: null });
  try {
    if (resumeRunId) {
      // The charts start from the run's log; live events continue it.
      const past = await loadRun(resumeRunId);
      training().set({ runs: { ...training().runs, [resumeRunId]: past } });
    }
    const { runId } = await api()['training.start']({
      path: editor().path!,
      document: writeProject(editor().doc),
      ...(backend ? { backend } : {}),
      ...(batchesPerEpoch ? { batchesPerEpoch } : {}),
      ...(resumeRunId ? { resumeRunId } : {}),
    });
    training().set({ currentRunId: runId });
    void refreshRuns();
  } catch (error) {
    training().set({ error: `Training could not start: ${messageOf(error)}` });
  }
}

/** Pauses, resumes or stops the current run. */
export async function controlRun(action: 'pause' | 'resume' | 'stop'): Promise<void> {
  const runId = training().currentRunId;
  if (!runId) return;
  try {
    await api()['training.control']({ runId, action });
  } catch (error) {
    training().set({ error: `Could not ${action} the run: ${messageOf(error)}` });
  }
}

/** Re-reads the project's run list from disk. */
export async function refreshRuns(): Promise<void> {
  const path = editor().path;
  if (!path) return training().set({ history: [] });
  try {
    training().set({ history: await api()['runs.list']({ path }) });
  } catch (error) {
    training().set({ error: `Cannot list the runs: ${messageOf(error)}` });
  }
}

async function loadRun(runId: string) {
  const events = await api()['runs.log']({ path: editor().path!, runId });
  return replayRun(runId, events);
}

/** Shows a past run on the dashboard (loading its log unless it is live in this window). */
export async function showRun(runId: string): Promise<void> {
  try {
    if (!training().runs[runId]) {
      const run = await loadRun(runId);
      training().set({ runs: { ...training().runs, [runId]: run } });
    }
    training().set({
      currentRunId: runId,
      overlay: training().overlay.filter((id) => id !== runId),
    });
  } catch (error) {
    training().set({ error: `Cannot load run ${runId}: ${messageOf(error)}` });
  }
}

/** Adds a run to (or removes it from) the runs overlaid on the charts. */
export async function toggleOverlay(runId: string): Promise<void> {
  const { overlay } = training();
  if (overlay.includes(runId))
    return training().set({ overlay: overlay.filter((id) => id !== runId) });
  try {
    if (!training().runs[runId]) {
      const run = await loadRun(runId);
      training().set({ runs: { ...training().runs, [runId]: run } });
    }
    training().set({ overlay: [...training().overlay, runId] });
  } catch (error) {
    training().set({ error: `Cannot load run ${runId}: ${messageOf(error)}` });
  }
}

/** Whether the document differs from the file the run will be kept beside. */
export const trainsUnsavedChanges = () => isDirty(editor());
