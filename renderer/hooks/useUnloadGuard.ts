import { useEffect } from 'react';
import { editorStore, isDirty } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';
import { writeRecovery } from './useAutosave.js';

/**
 * In a browser, asks before a reload or a closed tab drops unsaved work, and writes the recovery
 * copy at once rather than when the autosave timer would have. The desktop app asks in main
 * instead (`window.state` tells it the document is dirty): there a `beforeunload` that cancels
 * would stop the window closing without a word.
 */
export function useUnloadGuard() {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const state = editorStore.getState();
      if (state.screen !== 'editor' || !isDirty(state)) return;
      writeRecovery();
      if (uiStore.getState().info?.nativeDialogs !== false) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
