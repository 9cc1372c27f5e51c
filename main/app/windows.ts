import { BrowserWindow } from 'electron';
import type { WebContents } from 'electron';
import type { EventChannel, EventOf, MenuCommand } from '../../shared/api/contract.js';
import { createSession } from '../services/api/session.js';
import type { Session, SessionHost, WindowState } from '../services/api/session.js';
import type { CrashLog } from '../services/logs/crash-log.js';
import { offerReloadAfterCrash } from './crashes.js';
import { askBeforeClosing, nativeDialogs } from './dialogs.js';
import { APP_URL, lockNavigation } from './security.js';

/** What every window's session shares: the stores, paths and templates. */
export type SharedHost = Omit<SessionHost, 'emit' | 'dialogs' | 'onWindowState' | 'onSaved'>;

interface ProjectWindow {
  window: BrowserWindow;
  session: Session;
  /** Close even though the work is unsaved: the user chose "Don't Save". */
  discard: boolean;
  /** The user chose "Save" while closing: close once that save succeeds. */
  closeAfterSave: boolean;
  /** The file the window was opened for, until the renderer opens or saves one. */
  requested: string | null;
}

/** The file a window shows or is about to show. */
function fileOf(entry: ProjectWindow): string | null {
  return entry.session.file ?? entry.requested;
}

/** The title bar: the document, a dot when it has unsaved changes, and the app. */
export function windowTitle(state: WindowState): string {
  return `${state.dirty ? '● ' : ''}${state.title} — Strata`;
}

/**
 * The app's windows, one per project. Opening a project that is already open focuses its
 * window; an untouched empty window is reused rather than left behind.
 */
export class ProjectWindows {
  private readonly open = new Map<number, ProjectWindow>();

  constructor(
    private readonly host: SharedHost,
    private readonly preload: string,
    private readonly platform: NodeJS.Platform = process.platform,
    /** Where renderer crashes are logged; a crashed window is offered a reload. */
    private readonly crashLog: CrashLog | null = null,
  ) {}

  /** The session behind a renderer, for the IPC handlers; undefined for anything else. */
  sessionOf(contents: WebContents): Session | undefined {
    return this.open.get(contents.id)?.session;
  }

  /** Opens `path` (absolute) in its own window, or a new empty window when `path` is null. */
  openProject(path: string | null): BrowserWindow {
    const entries = [...this.open.values()];
    const existing = path && entries.find((e) => fileOf(e) === path);
    if (existing) {
      existing.window.focus();
      return existing.window;
    }
    const pristine = entries.find((e) => e.window.isFocused() && isPristine(e));
    if (path && pristine) {
      pristine.requested = path;
      this.send(pristine.window, 'main:project.openPath', { path });
      return pristine.window;
    }
    return this.create(path);
  }

  /** File › New: the start screen in the focused window if it is empty, else in a new one. */
  newProject(): void {
    const focused = this.focused();
    if (focused && isPristine(focused))
      this.send(focused.window, 'main:menu.command', { command: 'new' });
    else this.create(null);
  }

  /** Sends a menu command to the focused window's renderer. */
  command(command: MenuCommand): void {
    const focused = this.focused();
    if (focused) this.send(focused.window, 'main:menu.command', { command });
  }

  /** How many windows are open. */
  get count(): number {
    return this.open.size;
  }

  private create(path: string | null): BrowserWindow {
    const window = new BrowserWindow({
      width: 1400,
      height: 900,
      minWidth: 800,
      minHeight: 500,
      show: false,
      title: 'Strata',
      // Spelled out on the window itself so that static checkers (Electronegativity, `npm run
      // security`) see every setting: an isolated, sandboxed renderer with no Node, talking
      // only through the preload. Middle-click (auxclick) is off too: it can open links in a
      // way that bypasses `will-navigate`.
      webPreferences: {
        // The preload is reviewed (PRELOAD_JS_CHECK asks for that): one typed method per
        // message of shared/api, no generic invoke, and it strips the sender from events.
        preload: this.preload, // eng-disable PRELOAD_JS_CHECK
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const contents = window.webContents;
    const id = contents.id;
    lockNavigation(contents);
    const entry: ProjectWindow = {
      window,
      discard: false,
      closeAfterSave: false,
      requested: path,
      session: createSession({
        ...this.host,
        dialogs: nativeDialogs(window),
        emit: (event, payload) => this.send(window, event, payload),
        onWindowState: (state) => this.showState(entry, state),
        onSaved: (result) => {
          if (!entry.closeAfterSave) return;
          // A cancelled or conflicting save keeps the window open, and the next save won't close it.
          entry.closeAfterSave = false;
          entry.discard = result.status === 'saved';
          if (entry.discard) window.close();
        },
      }),
    };
    if (path) entry.session.offerOpen(path);
    this.open.set(id, entry);
    if (this.crashLog) {
      offerReloadAfterCrash(
        window,
        this.crashLog,
        () => fileOf(entry),
        () => {
          void window.loadURL(APP_URL);
        },
      );
    }

    contents.on('did-finish-load', () => {
      // A renderer that did not ask `app.info` for its project yet hears about it as an event.
      const offered = entry.session.takeOffer();
      if (offered) this.send(window, 'main:project.openPath', { path: offered });
    });
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      if (entry.discard || !entry.session.windowState.dirty) return;
      event.preventDefault();
      const choice = askBeforeClosing(window, entry.session.windowState.title);
      if (choice === 'discard') {
        entry.discard = true;
        window.close();
      } else if (choice === 'save') {
        entry.closeAfterSave = true;
        this.send(window, 'main:menu.command', { command: 'save' });
      }
    });
    window.on('closed', () => {
      entry.session.dispose();
      this.open.delete(id);
    });
    void window.loadURL(APP_URL);
    return window;
  }

  private showState(entry: ProjectWindow, state: WindowState): void {
    entry.window.setTitle(windowTitle(state));
    if (this.platform === 'darwin') {
      entry.window.setDocumentEdited(state.dirty);
      if (entry.session.file) entry.window.setRepresentedFilename(entry.session.file);
    }
  }

  private focused(): ProjectWindow | undefined {
    return [...this.open.values()].find((e) => e.window.isFocused());
  }

  private send<E extends EventChannel>(window: BrowserWindow, event: E, payload: EventOf<E>): void {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  }
}

/** A window with no file and no edits, which may take the next project opened. */
function isPristine(entry: ProjectWindow): boolean {
  return fileOf(entry) === null && !entry.session.windowState.dirty;
}
