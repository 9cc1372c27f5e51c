import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createDocumentSlice } from './documentSlice.js';
import { createEditSlice } from './editSlice.js';
import { createFileSlice } from './fileSlice.js';
import type { EditorState } from './types.js';
import { createViewSlice } from './viewSlice.js';

/** A fresh editor store; the app has one, tests make their own. */
export function createEditorStore() {
  return createStore<EditorState>()((...args) => ({
    ...createDocumentSlice(...args),
    ...createViewSlice(...args),
    ...createEditSlice(...args),
    ...createFileSlice(...args),
  }));
}

/** The app's store. */
export const editorStore = createEditorStore();

/** Subscribes a component to one slice of the editor state. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}

/** Whether the document differs from the last save (a new document is always dirty once edited). */
export function isDirty(state: EditorState): boolean {
  return state.saved !== state.doc;
}

export type { EditorState } from './types.js';
