import type { MenuCommand } from '../../shared/api/contract.js';
import { editorStore } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';
import { copySelection, cutSelection, paste } from './clipboard.js';
import { newProject, openProject, saveProject } from './files.js';
import { FIT_VIEW, flow } from './flow.js';
import { layoutModel } from './layout.js';

const editor = () => editorStore.getState();
const ui = () => uiStore.getState();

/** What each menu command does; shortcuts and the toolbar run the same table. */
export const commands: Record<MenuCommand, () => void> = {
  new: newProject,
  open: () => openProject(),
  save: () => void saveProject(),
  saveAs: () => void saveProject({ saveAs: true }),
  export: () => ui().set({ dialog: { type: 'export' } }),
  close: () => editor().showStart(),
  undo: () => editor().undo(),
  redo: () => editor().redo(),
  cut: () => void cutSelection(),
  copy: () => void copySelection(),
  paste: () => void paste(),
  delete: () => editor().deleteSelection(),
  selectAll: () => editor().selectAll(),
  zoomIn: () => void flow()?.zoomIn({ duration: 150 }),
  zoomOut: () => void flow()?.zoomOut({ duration: 150 }),
  fitView: () => void flow()?.fitView({ ...FIT_VIEW, duration: 200 }),
  togglePalette: () => ui().set({ palette: !ui().palette }),
  toggleInspector: () => ui().set({ inspector: !ui().inspector }),
  toggleTheme: () => {
    const theme = ui().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('strata.theme', theme);
    ui().set({ theme });
  },
  autoLayout: () => void layoutModel(),
};

/** Commands that only make sense with a document open. */
const editorOnly = new Set<MenuCommand>([
  'save',
  'saveAs',
  'export',
  'close',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'delete',
  'selectAll',
  'zoomIn',
  'zoomOut',
  'fitView',
  'autoLayout',
]);

/** Runs a command if it applies to the screen on show. */
export function runCommand(command: MenuCommand) {
  if (editorOnly.has(command) && editor().screen !== 'editor') return;
  commands[command]();
}
