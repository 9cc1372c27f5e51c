/**
 * A small stand-in for the `electron` module, for `vi.mock('electron', …)` in tests: the
 * Electron binary cannot run here, so the tests drive the shell's wiring through these fakes
 * and record what it did.
 */
import { EventEmitter } from 'node:events';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain: records handlers; `invoke` calls one the way Electron would. */
class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Calls the handler as Electron does for `ipcRenderer.invoke` from `frameUrl` in `sender`. */
  async invoke(
    channel: string,
    payload: unknown,
    sender: FakeWebContents,
    frameUrl: string | null = sender.url,
  ) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame: frameUrl === null ? null : { url: frameUrl } }, payload);
  }
}

let nextContentsId = 1;

/** webContents: records what was sent and which native edit commands ran. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly edits: string[] = [];
  url = 'strata://app/index.html';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  undo = () => this.edits.push('undo');
  redo = () => this.edits.push('redo');
  cut = () => this.edits.push('cut');
  copy = () => this.edits.push('copy');
  paste = () => this.edits.push('paste');
  delete = () => this.edits.push('delete');
  selectAll = () => this.edits.push('selectAll');
}

/** A cancellable event object, like Electron's. */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
    ...extra,
  };
}

/** BrowserWindow: remembers its options, title and focus; `close` runs the close handlers. */
export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getFocusedWindow() {
    return BrowserWindow.all.find((w) => w.focused && !w.destroyed) ?? null;
  }
  readonly webContents = new FakeWebContents();
  title = '';
  focused = true;
  destroyed = false;
  loadedUrl: string | undefined;
  documentEdited = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.all.forEach((w) => (w.focused = false));
    BrowserWindow.all.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  setTitle(title: string) {
    this.title = title;
  }
  setDocumentEdited(edited: boolean) {
    this.documentEdited = edited;
  }
  setRepresentedFilename() {}
  focus() {
    BrowserWindow.all.forEach((w) => (w.focused = w === this));
  }
  isFocused() {
    return this.focused;
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {}
  /** Closes at once, without the close event (as Electron's destroy does). */
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  close() {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

/** dialog: answers come from `answers`, set by each test. */
export const dialog = {
  answers: { open: null as string | null, save: null as string | null, closeChoice: 2 },
  messages: [] as string[],
  async showOpenDialog(..._args: unknown[]) {
    const path = dialog.answers.open;
    return { canceled: path === null, filePaths: path === null ? [] : [path] };
  },
  async showSaveDialog(..._args: unknown[]) {
    const path = dialog.answers.save;
    return { canceled: path === null, filePath: path ?? '' };
  },
  showMessageBoxSync(_window: unknown, options: { message: string }) {
    dialog.messages.push(options.message);
    return dialog.answers.closeChoice;
  },
};

export const ipcMain = new FakeIpcMain();

/** app: `emit` fires its events; `ready` resolves `whenReady`. */
class FakeApp extends EventEmitter {
  hasLock = true;
  quitCalls = 0;
  private resolveReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  userData = '/tmp/strata-fake-user-data';
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  whenReady() {
    return this.ready;
  }
  makeReady() {
    this.resolveReady();
  }
  getPath() {
    return this.userData;
  }
  quit() {
    this.quitCalls++;
  }
  clearRecentDocuments() {}
}
export const app = new FakeApp();

export const Menu = {
  current: null as unknown,
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu(menu: unknown) {
    Menu.current = menu;
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
    protocol.handlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    permissionHandler: undefined as
      ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined,
    setPermissionRequestHandler(
      handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void,
    ) {
      session.defaultSession.permissionHandler = handler;
    },
  },
};

/** The renderer side, for the preload: contextBridge records what was exposed. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown) {
    contextBridge.exposed.set(key, value);
  },
};

/** ipcRenderer wired to `ipcMain` through `rendererContents`, as one window would be. */
export const ipcRenderer = Object.assign(new EventEmitter(), {
  rendererContents: new FakeWebContents(),
  invoke(channel: string, payload: unknown) {
    return ipcMain.invoke(channel, payload, ipcRenderer.rendererContents);
  },
});

/** utilityProcess: records forks; a fork here is a test's mistake, so it says so. */
export const utilityProcess = {
  fork(entry: string): never {
    throw new Error(`utilityProcess.fork(${entry}) in a test: pass a trainer launcher instead`);
  },
};
