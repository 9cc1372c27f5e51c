import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ResponseOf, RunListingView } from '../../shared/api/contract.js';
import type { TrainingEvent } from '../../shared/api/training-events.js';
import { applyEvents, newRun, type RunView } from '../dashboard/runState.js';

/** One event of one run, as the API delivers it. */
export interface RunEvent {
  runId: string;
  event: TrainingEvent;
}

/** Which screen of an open project is shown. */
export type ProjectView = 'editor' | 'data' | 'train';

/**
 * Training state of this window: runs as the dashboard draws them (live and loaded from logs),
 * the project's run list, and the dashboard's options. Never saved with the project: the
 * recipe lives in the document, runs live on disk beside it.
 */
export interface TrainingState {
  view: ProjectView;
  runs: Record<string, RunView>;
  /** The run the dashboard shows and the controls act on. */
  currentRunId: string | null;
  /** Past runs drawn on the same charts as the current one. */
  overlay: string[];
  history: RunListingView[];
  datasets: ResponseOf<'renderer:datasets.list'>;
  backends: ResponseOf<'renderer:backends.describe'> | null;
  smoothing: number;
  logScale: boolean;
  /** Why the last request (start, control) failed. */
  error: string | null;
  set(update: Partial<Omit<TrainingState, 'set' | 'receive' | 'receiveAll'>>): void;
  /** Folds one event into its run. */
  receive(runId: string, event: TrainingEvent, now?: number): void;
  /** Folds events, of one run or several, into their runs in one update. */
  receiveAll(received: readonly RunEvent[], now?: number): void;
}

/** A fresh training store; the app has one, tests make their own. */
export function createTrainingStore() {
  return createStore<TrainingState>()((set, get) => ({
    view: 'editor',
    runs: {},
    currentRunId: null,
    overlay: [],
    history: [],
    datasets: [],
    backends: null,
    smoothing: 0.6,
    logScale: false,
    error: null,
    set: (update) => set(update),
    receive(runId, event, now = Date.now()) {
      get().receiveAll([{ runId, event }], now);
    },
    receiveAll(received, now = Date.now()) {
      if (received.length === 0) return;
      const byRun = new Map<string, TrainingEvent[]>();
      for (const { runId, event } of received) {
        const events = byRun.get(runId) ?? [];
        events.push(event);
        byRun.set(runId, events);
      }
      const runs = { ...get().runs };
      for (const [runId, events] of byRun) {
        runs[runId] = applyEvents(runs[runId] ?? newRun(runId), events, now);
      }
      set({ runs });
    },
  }));
}

/** The app's training store. */
export const trainingStore = createTrainingStore();

/** Subscribes a component to one slice of the training state. */
export function useTraining<T>(selector: (state: TrainingState) => T): T {
  return useStore(trainingStore, selector);
}

/** The run the dashboard shows, if any. */
export function currentRun(state: TrainingState): RunView | undefined {
  return state.currentRunId === null ? undefined : state.runs[state.currentRunId];
}
