import type { StateCreator } from 'zustand';
import type { EditorState, FileSlice } from './types.js';

function newKey(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `w${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
  );
}

/** Which screen shows, the file behind the document, and what was last saved. */
export const createFileSlice: StateCreator<EditorState, [], [], FileSlice> = (set, get) => ({
  screen: 'start',
  path: null,
  stamp: null,
  saved: null,
  recoveryKey: newKey(),

  showEditor(doc, file) {
    get().replaceDocument(doc);
    set({
      screen: 'editor',
      path: file.path,
      stamp: file.stamp,
      saved: file.clean ? doc : null,
      recoveryKey: newKey(),
    });
  },

  markSaved(path, stamp, doc) {
    set({ path, stamp, saved: doc });
  },

  showStart() {
    set({ screen: 'start' });
  },
});
