import { useEffect } from 'react';
import { api } from '../api/index.js';
import { writeProject } from '../document/project.js';
import { editorStore, isDirty } from '../store/editorStore.js';

/** Longest wait between an edit and its recovery copy. */
export const AUTOSAVE_DELAY_MS = 700;

/** Writes the document's recovery copy now, if it has unsaved work. */
export function writeRecovery() {
  const state = editorStore.getState();
  if (state.screen !== 'editor' || !isDirty(state)) return;
  const request = api()['recovery.write']({
    key: state.recoveryKey,
    path: state.path,
    // The file's stamp as this window knows it, so a recovered copy saves without a false conflict.
    stamp: state.stamp,
    document: writeProject(state.doc),
  });
  request.catch(() => undefined); // A missed autosave is retried on the next edit.
}

/**
 * Writes unsaved work to the recovery folder at most {@link AUTOSAVE_DELAY_MS} after an edit
 * (a timer started by the first edit, not reset by later ones, so typing cannot postpone it).
 */
export function useAutosave() {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      // Not mid-drag: serialising a large document would cost the drag a frame; the drag's end
      // is an edit of its own and writes then.
      if (editorStore.getState().dragStart) {
        timer = setTimeout(write, AUTOSAVE_DELAY_MS);
        return;
      }
      timer = undefined;
      writeRecovery();
    };
    const unsubscribe = editorStore.subscribe((state, previous) => {
      if (state.doc !== previous.doc && !timer) timer = setTimeout(write, AUTOSAVE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, []);
}
