import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, Menu, app, session } from 'electron';
import { CrashLog } from '../services/logs/crash-log.js';
import { RecoveryStore } from '../services/recovery/recovery-store.js';
import { RecentFiles } from '../services/storage/recent-files.js';
import { builtInTemplates } from '../services/templates/built-in.js';
import { absolutePaths } from '../services/workspace/paths.js';
import { nativeDialogs } from './dialogs.js';
import { registerIpc } from './ipc.js';
import { projectPathsFromArgv } from './launch.js';
import { menuTemplate } from './menu.js';
import type { MenuActions } from './menu.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { utilityProcessBackendReport, utilityProcessLauncher } from './trainer-process.js';
import { ProjectWindows } from './windows.js';

/** Where the built pieces are: the root holds package.json and dist/renderer; out/ the bundles. */
export interface AppLayout {
  root: string;
  preload: string;
  /** The bundled trainer process entry (out/main/trainer/process-entry.js). */
  trainer: string;
}

/**
 * Starts the desktop app: one instance (a second launch hands its files to the first), one
 * window per project, the renderer served from `strata://app/`, and the IPC handlers.
 */
export function startApp(layout: AppLayout): void {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const pending = projectPathsFromArgv(process.argv, process.cwd());
  let windows: ProjectWindows | undefined;

  // macOS delivers double-clicked files as events, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (windows) windows.openProject(path);
    else pending.push(path);
  });
  app.on('second-instance', (_event, argv, cwd) => {
    const paths = projectPathsFromArgv(argv, cwd);
    if (!windows) return void pending.push(...paths);
    if (paths.length === 0) windows.openProject(null);
    for (const path of paths) windows.openProject(path);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    serveAppProtocol(join(layout.root, 'dist', 'renderer'));
    // The renderer needs no camera, microphone, notifications or other permission.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
      callback(false),
    );

    const userData = app.getPath('userData');
    // Crashes of windows and trainers go to the OS's log folder for the app.
    const crashLog = new CrashLog(app.getPath('logs'));
    const recent = new RecentFiles(userData, () => void refreshMenu());
    const version = (
      JSON.parse(readFileSync(join(layout.root, 'package.json'), 'utf8')) as { version: string }
    ).version;
    const opened = new ProjectWindows(
      {
        transport: 'ipc',
        version,
        paths: absolutePaths(),
        recent,
        recovery: new RecoveryStore(userData),
        templates: builtInTemplates,
        trainer: utilityProcessLauncher(layout.trainer, crashLog),
        describeBackends: utilityProcessBackendReport(layout.trainer),
      },
      layout.preload,
      process.platform,
      crashLog,
    );
    windows = opened;
    registerIpc((contents) => opened.sessionOf(contents));

    const actions: MenuActions = {
      command: (command) => opened.command(command),
      nativeEdit: (action) => BrowserWindow.getFocusedWindow()?.webContents[action](),
      newProject: () => opened.newProject(),
      openProject: () => {
        const ask = nativeDialogs(BrowserWindow.getFocusedWindow()).chooseOpenPath();
        void ask.then((path) => path && opened.openProject(path));
      },
      openRecent: (path) => opened.openProject(path),
      clearRecent: () => {
        app.clearRecentDocuments();
        void recent.clear();
      },
      closeWindow: () => BrowserWindow.getFocusedWindow()?.close(),
      quit: () => app.quit(),
    };
    const refreshMenu = async () => {
      const paths = await recent.list();
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(menuTemplate(process.platform, paths, actions)),
      );
    };
    void refreshMenu();

    if (pending.length === 0) opened.openProject(null);
    for (const path of pending.splice(0)) opened.openProject(path);
    app.on('activate', () => {
      if (opened.count === 0) opened.openProject(null);
    });
  });
}
