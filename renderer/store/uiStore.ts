import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ResponseOf } from '../../shared/api/contract.js';

/** A modal the app is showing. */
export type Dialog =
  | { type: 'files'; mode: 'open' | 'save' }
  | { type: 'conflict'; path: string }
  | { type: 'changedOnDisk'; path: string }
  | { type: 'export' }
  | { type: 'templates' }
  | { type: 'confirm'; title: string; message: string; confirm: string; onConfirm: () => void };

/** A short message in the corner: a refused connection, a failed save. */
export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

/** Panels, theme, dialogs and messages: the app's chrome, never saved with a project. */
export interface UiState {
  theme: 'light' | 'dark';
  palette: boolean;
  inspector: boolean;
  problems: boolean;
  /** The Keras-like layer table under the canvas. */
  summary: boolean;
  /** Long work under way (a layout), said in the status bar; `null` when idle. */
  busy: string | null;
  info: ResponseOf<'renderer:app.info'> | null;
  dialog: Dialog | null;
  toasts: Toast[];
  set(update: Partial<Omit<UiState, 'set' | 'toast'>>): void;
  toast(text: string, tone?: Toast['tone']): void;
}

const savedTheme = (): 'light' | 'dark' => {
  const stored = globalThis.localStorage?.getItem('strata.theme');
  if (stored === 'light' || stored === 'dark') return stored;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

let nextToast = 1;

/** The app's chrome state. */
export const uiStore = createStore<UiState>()((set, get) => ({
  theme: savedTheme(),
  palette: true,
  inspector: true,
  problems: false,
  summary: false,
  busy: null,
  info: null,
  dialog: null,
  toasts: [],
  set: (update) => set(update),
  toast(text, tone = 'info') {
    const id = nextToast++;
    set({ toasts: [...get().toasts.slice(-3), { id, text, tone }] });
    setTimeout(() => set({ toasts: get().toasts.filter((t) => t.id !== id) }), 5000);
  },
}));

/** Subscribes a component to one slice of the chrome state. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(uiStore, selector);
}
