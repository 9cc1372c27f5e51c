import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/contract.js';

/** What the menu does that is not a command for the renderer. */
export interface MenuActions {
  /** Sends a command to the focused window's renderer. */
  command(command: MenuCommand): void;
  /** Text fields take Undo, Cut, Paste…: the focused page's native editing command. */
  nativeEdit(action: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll'): void;
  newProject(): void;
  /** Shows the open dialog and opens the choice in its own window. */
  openProject(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  closeWindow(): void;
  quit(): void;
}

/**
 * The application menu for `platform`, with its shortcuts. Edit commands go both to the page's
 * native editing (so text fields behave) and to the renderer (which ignores them while a text
 * field has focus and otherwise edits the graph).
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  recent: readonly string[],
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const send = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.command(command),
  });
  const edit = (
    label: string,
    command: MenuCommand & Parameters<MenuActions['nativeEdit']>[0],
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => {
      actions.nativeEdit(command);
      actions.command(command);
    },
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const openRecent: MenuItemConstructorOptions[] = [
    ...recent.map((path) => ({ label: path, click: () => actions.openRecent(path) })),
    ...(recent.length > 0 ? [separator] : []),
    {
      label: 'Clear Recently Opened',
      enabled: recent.length > 0,
      click: () => actions.clearRecent(),
    },
  ];

  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: openRecent },
      separator,
      send('Save', 'save', 'CmdOrCtrl+S'),
      send('Save As…', 'saveAs', 'Shift+CmdOrCtrl+S'),
      send('Export…', 'export', 'CmdOrCtrl+E'),
      separator,
      {
        label: mac ? 'Close Window' : 'Close',
        accelerator: 'CmdOrCtrl+W',
        click: () => actions.closeWindow(),
      },
      ...(mac
        ? []
        : [separator, { label: 'Quit', accelerator: 'Ctrl+Q', click: () => actions.quit() }]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      edit('Undo', 'undo', 'CmdOrCtrl+Z'),
      edit('Redo', 'redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      separator,
      edit('Cut', 'cut', 'CmdOrCtrl+X'),
      edit('Copy', 'copy', 'CmdOrCtrl+C'),
      edit('Paste', 'paste', 'CmdOrCtrl+V'),
      // No shortcut: the Delete and Backspace keys must keep working in text fields.
      edit('Delete', 'delete'),
      edit('Select All', 'selectAll', 'CmdOrCtrl+A'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      send('Zoom In', 'zoomIn', 'CmdOrCtrl+='),
      send('Zoom Out', 'zoomOut', 'CmdOrCtrl+-'),
      send('Fit to Window', 'fitView', 'CmdOrCtrl+0'),
      separator,
      send('Toggle Palette', 'togglePalette', 'CmdOrCtrl+B'),
      send('Toggle Inspector', 'toggleInspector', 'CmdOrCtrl+Alt+B'),
      send('Tidy Layout', 'autoLayout', 'Shift+CmdOrCtrl+L'),
      separator,
      send('Toggle Dark Theme', 'toggleTheme'),
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [{ label: 'About Strata', role: 'about' }],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Strata',
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { label: 'Quit Strata', accelerator: 'Cmd+Q', click: () => actions.quit() },
    ],
  };

  return [...(mac ? [appMenu] : []), file, editMenu, view, help];
}
