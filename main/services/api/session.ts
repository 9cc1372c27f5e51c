import type { EventChannel, EventOf, SaveResult } from '../../../shared/api/contract.js';
import type { Reply } from '../../../shared/api/reply.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import type { BackendReport } from '../../engine/backends/report.js';
import type { TrainerLauncher } from '../training/launcher.js';
import { trainingHandlers } from '../training/handlers.js';
import { TrainingService } from '../training/service.js';
import { DiskWatch } from '../documents/disk-watch.js';
import { dataHandlers, type DataDialogs } from '../datasets/declared/handlers.js';
import { exportHandlers } from '../exports/handlers.js';
import type { FolderDialogs } from '../exports/service.js';
import { inspectionHandlers } from '../inspection/handlers.js';
import { lazyInspectionService } from '../inspection/lazy-service.js';
import { openProject, saveProject } from '../documents/project-documents.js';
import type { ProjectDialogs } from '../documents/project-documents.js';
import type { RecoveryStore } from '../recovery/recovery-store.js';
import type { RecentFiles } from '../storage/recent-files.js';
import type { TemplateSource } from '../templates/template-source.js';
import { listProjectFiles } from '../workspace/files.js';
import type { PathPolicy } from '../workspace/paths.js';
import { createDispatch } from './dispatch.js';
import type { Dispatch, Handlers } from './dispatch.js';

/** What a transport provides to the services: the same for IPC and WebSocket but for these. */
export interface SessionHost {
  transport: 'ipc' | 'websocket';
  version: string;
  paths: PathPolicy;
  recent: RecentFiles;
  recovery: RecoveryStore;
  templates: TemplateSource;
  /** Native file pickers, or null in a browser (`app.info` then says `nativeDialogs: false`). */
  dialogs: (ProjectDialogs & Partial<FolderDialogs> & Partial<DataDialogs>) | null;
  /** Pushes an event to this session's renderer. */
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void;
  /** Called when the renderer reports its title and dirty state (the shell updates its window). */
  onWindowState?(state: WindowState): void;
  /** Called with every save's outcome (the shell closes a window whose close waited on it). */
  onSaved?(result: SaveResult): void;
  /** Runs training off this thread; a worker thread unless the shell gives a utility process. */
  trainer?: TrainerLauncher;
  /** The backend ladder's answer on this machine (cached by the default). */
  describeBackends?: () => Promise<BackendReport>;
  /** Answers outside the contract become errors: on in tests. */
  checkResponses?: boolean;
}

/** The renderer's last report of its document. */
export interface WindowState {
  title: string;
  dirty: boolean;
}

/** One renderer's connection (a window, or a browser tab): its dispatcher and document state. */
export interface Session {
  handle: Dispatch;
  /** The absolute path of the project this renderer has open, if it was opened or saved. */
  readonly file: string | null;
  readonly windowState: WindowState;
  /** Asks the renderer to open `path` at start: `app.info` hands it over once. */
  offerOpen(path: string): void;
  /** The offered path if `app.info` has not taken it yet (the shell then sends an event). */
  takeOffer(): string | undefined;
  /** Stops watching files, stops this session's training runs and frees its loaded models; call when the window or socket closes. */
  dispose(): void;
  /** This session's training runs. */
  readonly training: TrainingService;
}

/** Creates a session: one per window or WebSocket connection. */
export function createSession(host: SessionHost): Session {
  let watch: DiskWatch | null = null;
  let windowState: WindowState = { title: 'Strata', dirty: false };
  let offered: string | undefined;
  const takeOffer = () => {
    const path = offered;
    offered = undefined;
    return path;
  };

  /** Follows the file this renderer now edits, reporting outside changes to it. */
  const follow = (file: string, stamp: string) => {
    if (watch?.file === file) return watch.acknowledge(stamp);
    watch?.close();
    const shown = host.paths.present(file) ?? file;
    watch = new DiskWatch(file, stamp, () =>
      host.emit('main:project.changedOnDisk', { path: shown }),
    );
  };

  const training = new TrainingService(
    (runId, event) => host.emit('main:training.event', { runId, event }),
    host.trainer,
  );
  const inspection = lazyInspectionService();

  const handlers: Handlers = {
    'renderer:app.info': async () => {
      const openPath = takeOffer();
      const info = {
        version: host.version,
        transport: host.transport,
        nativeDialogs: host.dialogs !== null,
      };
      return { ok: true, result: openPath === undefined ? info : { ...info, openPath } };
    },
    'renderer:templates.list': async () => ({ ok: true, result: host.templates.list() }),
    'renderer:templates.create': async ({ name }) => {
      const project = host.templates.create(name);
      if (!project)
        return {
          ok: false,
          error: { code: 'not-found', message: `There is no template "${name}".` },
        };
      const document = JSON.parse(serializeProject(project)) as Record<string, unknown>;
      return { ok: true, result: { path: null, document, stamp: null, warnings: [] } };
    },
    'renderer:files.list': async () => ({ ok: true, result: await listProjectFiles(host.paths) }),
    'renderer:project.open': async ({ path }) => {
      const reply = await openProject(host, path);
      if (!reply.ok || reply.result === null) return reply as Reply<null>;
      const { file, opened } = reply.result;
      follow(file, opened.stamp ?? '');
      return { ok: true, result: opened };
    },
    'renderer:project.save': async (request) => {
      const reply = await saveProject(host, request, watch?.file ?? null);
      if (!reply.ok) return reply;
      const { saved, file } = reply.result;
      if (saved.status === 'saved' && file !== null) follow(file, saved.stamp);
      host.onSaved?.(saved);
      return { ok: true, result: saved };
    },
    'renderer:project.recent': async () => {
      const shown = (await host.recent.list()).map((p) => host.paths.present(p));
      return { ok: true, result: shown.filter((p): p is string => p !== null) };
    },
    'renderer:recovery.write': async (entry) => {
      await host.recovery.write(entry);
      return { ok: true, result: {} };
    },
    'renderer:recovery.list': async () => ({ ok: true, result: await host.recovery.list() }),
    'renderer:recovery.discard': async ({ key }) => {
      await host.recovery.discard(key);
      return { ok: true, result: {} };
    },
    'renderer:window.state': async (state) => {
      windowState = state;
      host.onWindowState?.(state);
      return { ok: true, result: {} };
    },
    ...trainingHandlers(host, training),
    ...inspectionHandlers(host.paths, inspection),
    ...exportHandlers(host),
    ...dataHandlers(host),
  };

  return {
    handle: createDispatch(handlers, { checkResponses: host.checkResponses }),
    get file() {
      return watch?.file ?? null;
    },
    get windowState() {
      return windowState;
    },
    offerOpen: (path) => {
      offered = host.paths.present(path) ?? path;
    },
    takeOffer,
    training,
    dispose: () => {
      watch?.close();
      void training.stopAll();
      void inspection.dispose();
    },
  };
}
