import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import { PROJECT_EXTENSION } from '../../shared/project/schema.js';
import type { ProjectDialogs } from '../services/documents/project-documents.js';
import type { DataDialogs } from '../services/datasets/declared/handlers.js';
import type { FolderDialogs } from '../services/exports/service.js';

const filters = [{ name: 'Strata project', extensions: [PROJECT_EXTENSION.slice(1)] }];
/** Open also takes a model to import into a new project (ONNX, TF.js / Keras model.json). */
const openFilters = [
  { name: 'Strata project or model', extensions: [PROJECT_EXTENSION.slice(1), 'onnx', 'json'] },
  ...filters,
];

/** The native open, save and folder dialogs, attached to `window` (as sheets on macOS) when there is one. */
export function nativeDialogs(
  window: BrowserWindow | null,
): ProjectDialogs & FolderDialogs & DataDialogs {
  return {
    async chooseDataPaths(what) {
      const options = {
        title: what === 'folder' ? 'Choose a folder of images' : 'Choose data files',
        properties:
          what === 'folder'
            ? ['openDirectory' as const]
            : ['openFile' as const, 'multiSelections' as const],
      };
      const answer = await (window
        ? dialog.showOpenDialog(window, options)
        : dialog.showOpenDialog(options));
      return answer.canceled ? [] : answer.filePaths;
    },
    async chooseFolder(title) {
      const options = {
        title,
        buttonLabel: 'Export here',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const answer = await (window
        ? dialog.showOpenDialog(window, options)
        : dialog.showOpenDialog(options));
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async chooseOpenPath() {
      const options = { properties: ['openFile' as const], filters: openFilters };
      const answer = await (window
        ? dialog.showOpenDialog(window, options)
        : dialog.showOpenDialog(options));
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async chooseSavePath(suggested) {
      const options = {
        filters,
        defaultPath: suggested ?? `Untitled${PROJECT_EXTENSION}`,
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const answer = await (window
        ? dialog.showSaveDialog(window, options)
        : dialog.showSaveDialog(options));
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
  };
}

/** What to do with unsaved work when its window closes. */
export type CloseChoice = 'save' | 'discard' | 'cancel';

/** Asks whether to save `title` before closing; Escape cancels. */
export function askBeforeClosing(window: BrowserWindow, title: string): CloseChoice {
  const choice = dialog.showMessageBoxSync(window, {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    message: `Do you want to save the changes to ${title}?`,
    detail: "Your changes will be lost if you don't save them.",
  });
  return (['save', 'discard', 'cancel'] as const)[choice] ?? 'cancel';
}
