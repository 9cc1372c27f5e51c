import { z } from 'zod';
import {
  csvPreview,
  csvPreviewRequest,
  dataBrowseRequest,
  dataBrowseResult,
  dataCancelRequest,
  dataInspectRequest,
  dataInspectResult,
  dataPickRequest,
  dataPickResult,
  dataProgressSchema,
} from './data-channels.js';
import { exportProgressSchema, exportRequest, exportResult } from './export-channels.js';
import { inspectRequest, inspection, predictRequest, prediction } from './inspection.js';
import {
  runMeta,
  runsDeleteRequest,
  runsSnapshotRequest,
  runsSnapshotResult,
  runsUpdateRequest,
} from './run-channels.js';
import { trainingEventSchema } from './training-events.js';

/**
 * The one contract between the renderer and main. Both transports (Electron IPC through the
 * preload, and WebSocket through `strata serve`) carry exactly these messages, and the receiving
 * side validates every payload with these schemas. Channel names show direction: `renderer:…`
 * are requests the renderer makes, `main:…` are events main pushes.
 */

/** A project document as JSON; main validates it with shared/project's loader, which names bad fields. */
const projectDocument = z.record(z.string(), z.unknown());

/** An opaque stamp of the file on disk when it was read or written, to detect outside changes. */
const fileStamp = z.string();

const openedProject = z.object({
  path: z.string().nullable(),
  document: projectDocument,
  stamp: fileStamp.nullable(),
  /** What loading repaired or dropped (excalidraw-style restore), in plain words. */
  warnings: z.array(z.string()),
});

const saveResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string(), stamp: fileStamp }),
  /** The file changed on disk since `baseStamp`: nothing was written. */
  z.object({ status: z.literal('conflict'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);

const menuCommand = z.enum([
  'new',
  'open',
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
  'togglePalette',
  'toggleInspector',
  'toggleTheme',
  'autoLayout',
]);
export type MenuCommand = z.infer<typeof menuCommand>;

/** The training settings of a run as recorded (shared/training/settings.ts), passed through. */
const runSettings = z.record(z.string(), z.unknown());

const runListing = z.object({
  runId: z.string(),
  startedAt: z.string(),
  dataset: z.string(),
  backend: z.string().optional(),
  settings: runSettings,
  /** `running` while this session trains it; `interrupted` when it never wrote its summary. */
  status: z.enum(['running', 'finished', 'stopped', 'failed', 'interrupted']),
  endedAt: z.string().optional(),
  reason: z.string().optional(),
  epochs: z.number().optional(),
  steps: z.number().optional(),
  /** The last epoch's figures. */
  train: z.record(z.string(), z.number()).optional(),
  validation: z.record(z.string(), z.number()).optional(),
  /** Figures on the dataset's test set, when the run scored one. */
  test: z.record(z.string(), z.number()).optional(),
  /** The user's name, note and star. */
  meta: runMeta.default({}),
});
export type RunListingView = z.output<typeof runListing>;

/** A built-in dataset's schema (shared/datasets/catalogue.ts) as plain JSON. */
const datasetSchema = z.object({
  id: z.string(),
  label: z.string(),
  docs: z.string(),
  inputShape: z.array(z.number().nullable()),
  inputDtype: z.enum(['float32', 'int32']),
  target: z.record(z.string(), z.unknown()),
  source: z.string(),
});

/** Requests: one schema pair per channel. */
export const requests = {
  'renderer:app.info': {
    request: z.object({}),
    response: z.object({
      version: z.string(),
      transport: z.enum(['ipc', 'websocket']),
      /** False in a browser: the renderer shows its own file picker over `files.list`. */
      nativeDialogs: z.boolean(),
      /**
       * A project this window was opened for (double-clicked file, File › Open Recent): the
       * renderer opens it with `project.open`. Given once; absent when there is none.
       */
      openPath: z.string().optional(),
    }),
  },
  'renderer:templates.list': {
    request: z.object({}),
    response: z.array(z.object({ name: z.string(), title: z.string(), description: z.string() })),
  },
  'renderer:templates.create': {
    request: z.object({ name: z.string().min(1) }),
    response: openedProject,
  },
  'renderer:files.list': {
    request: z.object({}),
    response: z.array(z.object({ path: z.string(), modified: z.number() })),
  },
  'renderer:project.open': {
    /** Without a path, main shows its open dialog; `null` back means the user cancelled. */
    request: z.object({ path: z.string().min(1).optional() }),
    response: openedProject.nullable(),
  },
  'renderer:project.save': {
    /** Without a path, main asks for one (Save As). `force` overwrites an outside change. */
    request: z.object({
      path: z.string().min(1).optional(),
      document: projectDocument,
      baseStamp: fileStamp.nullable(),
      force: z.boolean().default(false),
    }),
    response: saveResult,
  },
  'renderer:project.recent': {
    request: z.object({}),
    response: z.array(z.string()),
  },
  'renderer:recovery.write': {
    request: z.object({
      key: z.string().min(1),
      path: z.string().nullable(),
      /** The stamp of `path` the unsaved work started from: a recovered copy saves against it. */
      stamp: fileStamp.nullable().default(null),
      document: projectDocument,
    }),
    response: z.object({}),
  },
  'renderer:recovery.list': {
    request: z.object({}),
    response: z.array(
      z.object({
        key: z.string(),
        path: z.string().nullable(),
        stamp: fileStamp.nullable(),
        saved: z.number(),
        document: projectDocument,
      }),
    ),
  },
  'renderer:recovery.discard': {
    request: z.object({ key: z.string().min(1) }),
    response: z.object({}),
  },
  'renderer:window.state': {
    /** Title and dirty marker for the native window; main prompts before closing dirty work. */
    request: z.object({ title: z.string(), dirty: z.boolean() }),
    response: z.object({}),
  },
  'renderer:training.start': {
    /**
     * Trains the current document (validated with the project loader) of the project saved at
     * `path`; the run is kept beside that file. Progress arrives as `main:training.event`.
     */
    request: z.object({
      path: z.string().min(1),
      document: projectDocument,
      /** Another dataset id than the recipe's. */
      dataset: z.string().min(1).optional(),
      backend: z.string().min(1).optional(),
      /** Cut each epoch short (a quick look at a big dataset). */
      batchesPerEpoch: z.number().int().positive().optional(),
      /** Continue this run from its newest checkpoint instead of starting a new one. */
      resumeRunId: z.string().min(1).optional(),
    }),
    response: z.object({ runId: z.string() }),
  },
  'renderer:training.control': {
    request: z.object({ runId: z.string().min(1), action: z.enum(['pause', 'resume', 'stop']) }),
    response: z.object({}),
  },
  'renderer:runs.list': {
    /** The project's runs, newest first. */
    request: z.object({ path: z.string().min(1) }),
    response: z.array(runListing),
  },
  'renderer:runs.log': {
    /** A run's recorded events, for charts of past runs. */
    request: z.object({ path: z.string().min(1), runId: z.string().min(1) }),
    response: z.array(trainingEventSchema),
  },
  'renderer:runs.update': {
    /** Renames, annotates or stars a run; answers with what is saved. */
    request: runsUpdateRequest,
    response: runMeta,
  },
  'renderer:runs.delete': {
    request: runsDeleteRequest,
    response: z.object({}),
  },
  'renderer:runs.snapshot': {
    /** The project a run trained (its graph may differ from the project's now). */
    request: runsSnapshotRequest,
    response: runsSnapshotResult,
  },
  'renderer:datasets.list': {
    request: z.object({}),
    response: z.array(datasetSchema),
  },
  'renderer:backends.describe': {
    /** Which backend the ladder picks here, and why the better ones were passed over. */
    request: z.object({}),
    response: z.object({
      picked: z.string().nullable(),
      detail: z.string(),
      skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
      available: z.array(z.string()),
    }),
  },
  'renderer:model.predict': {
    /** A run's trained model on one input, prepared the way the run's dataset was. */
    request: predictRequest,
    response: prediction,
  },
  'renderer:model.inspect': {
    /** One node's output for one example: feature maps, a histogram, or attention weights. */
    request: inspectRequest,
    response: inspection,
  },
  'renderer:export.run': {
    /**
     * Exports the project's models in one format; without `outDir`, main asks with a folder
     * dialog (none under `strata serve`). Progress arrives as `main:export.progress`.
     */
    request: exportRequest,
    response: exportResult,
  },
  'renderer:data.inspect': {
    /**
     * Opens a dataset declaration (paths relative to the project file at `path`) without saving
     * anything: its summary, a preview, or each error naming the file and row or entry.
     * Downloads report `main:data.progress`.
     */
    request: dataInspectRequest,
    response: dataInspectResult,
  },
  'renderer:data.cancel': {
    request: dataCancelRequest,
    response: z.object({}),
  },
  'renderer:data.csvPreview': {
    /** A CSV file's header and first rows, for picking its columns. */
    request: csvPreviewRequest,
    response: csvPreview,
  },
  'renderer:data.browse': {
    /** Files and folders beside the project (the browser's file picker). */
    request: dataBrowseRequest,
    response: dataBrowseResult,
  },
  'renderer:data.pick': {
    /** The native file or folder picker; paths relative to the project when they can be. */
    request: dataPickRequest,
    response: dataPickResult,
  },
} as const;

/** Events main pushes to the renderer. */
export const events = {
  'main:menu.command': z.object({ command: menuCommand }),
  'main:project.changedOnDisk': z.object({ path: z.string() }),
  'main:project.openPath': z.object({ path: z.string() }),
  /** One event of a run this session started. */
  'main:training.event': z.object({ runId: z.string(), event: trainingEventSchema }),
  /** How far the export this session started has come. */
  'main:export.progress': exportProgressSchema,
  /** How far the download of a dataset being inspected has come. */
  'main:data.progress': dataProgressSchema,
} as const;

export type RequestChannel = keyof typeof requests;
export type EventChannel = keyof typeof events;
export type RequestOf<C extends RequestChannel> = z.input<(typeof requests)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.output<(typeof requests)[C]['response']>;
export type EventOf<C extends EventChannel> = z.output<(typeof events)[C]>;
export type OpenedProject = z.output<typeof openedProject>;
export type SaveResult = z.output<typeof saveResult>;
