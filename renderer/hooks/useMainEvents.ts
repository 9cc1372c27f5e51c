import { useEffect } from 'react';
import { api } from '../api/index.js';
import { runCommand } from '../actions/commands.js';
import { openProject } from '../actions/files.js';
import { editorStore } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';

/** Menu commands, files opened from the OS, and outside changes to the open file. */
export function useMainEvents() {
  useEffect(() => {
    const client = api();
    const off = [
      client.on('main:menu.command', ({ command }) => runCommand(command)),
      client.on('main:project.openPath', ({ path }) => openProject(path)),
      client.on('main:project.changedOnDisk', ({ path }) => {
        if (editorStore.getState().path === path) {
          uiStore.getState().set({ dialog: { type: 'changedOnDisk', path } });
        }
      }),
    ];
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, []);
}
