import { useEffect } from 'react';
import { groupSelection } from '../actions/blocks.js';
import { runCommand } from '../actions/commands.js';
import { editorStore } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';
import { shortcutCommand, TEXT_EDITING } from './shortcuts.js';

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The editor's keyboard shortcuts; text fields keep their own editing keys. */
export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutCommand(e);
      if (!command || uiStore.getState().dialog) return;
      if (inTextField(e.target) && TEXT_EDITING.has(command)) return;
      e.preventDefault();
      if (command === 'duplicate') {
        if (editorStore.getState().screen === 'editor') editorStore.getState().duplicateSelection();
      } else if (command === 'group') {
        if (editorStore.getState().screen === 'editor') groupSelection();
      } else {
        runCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
