import { open, readdir } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import type { EventChannel, EventOf } from '../../../../shared/api/contract.js';
import { failure, type Reply } from '../../../../shared/api/reply.js';
import { datasetPaths, type DeclaredDataset } from '../../../../shared/project/datasets.js';
import type { Handlers } from '../../api/dispatch.js';
import type { PathPolicy } from '../../workspace/paths.js';
import { parseCsv } from '../import/csv-records.js';
import { describe } from '../import/read-file.js';
import { resolveProjectPath } from './paths.js';
import { inspectDeclared, projectRelative } from './project-data.js';

/** Native pickers for data files; none in a browser. */
export interface DataDialogs {
  chooseDataPaths(what: 'files' | 'folder'): Promise<string[]>;
}

/** What the Data panel's handlers need from the session's host. */
export interface DataHost {
  paths: PathPolicy;
  dialogs: Partial<DataDialogs> | null;
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void;
}

export type DataChannel =
  | 'renderer:data.inspect'
  | 'renderer:data.cancel'
  | 'renderer:data.csvPreview'
  | 'renderer:data.browse'
  | 'renderer:data.pick';

/** Bytes of a CSV read for its preview: enough for a header and some rows of a wide table. */
const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 8;

/**
 * A data path the renderer named, as an absolute file. Under `strata serve` it must stay inside
 * the served folder, like every other path the page sends.
 */
async function dataFile(paths: PathPolicy, project: string, path: string): Promise<Reply<string>> {
  const absolute = resolveProjectPath(project, path);
  if (paths.root === null) return { ok: true, result: absolute };
  const shown = paths.present(absolute);
  if (shown === null)
    return failure('forbidden-path', `"${path}" is outside the served folder ${paths.root}.`);
  return paths.resolve(shown);
}

/** The Data panel's handlers: open and preview data, list files, pick them, cancel downloads. */
export function dataHandlers(host: DataHost): Pick<Handlers, DataChannel> {
  const downloads = new Map<string, AbortController>();
  return {
    'renderer:data.inspect': async ({ path, dataset }) => {
      const file = await host.paths.resolve(path);
      if (!file.ok) return file;
      for (const { path: data } of datasetPaths(dataset)) {
        const allowed = await dataFile(host.paths, file.result, data);
        if (!allowed.ok) return allowed;
      }
      downloads.get(dataset.id)?.abort();
      const controller = new AbortController();
      downloads.set(dataset.id, controller);
      try {
        const inspected = await inspectDeclared(file.result, dataset as DeclaredDataset, {
          download: {
            signal: controller.signal,
            onProgress: (progress) =>
              host.emit('main:data.progress', { id: dataset.id, ...progress }),
          },
        });
        if (!inspected.ok)
          return { ok: true, result: { status: 'failed', errors: inspected.errors } };
        return {
          ok: true,
          result: { status: 'ok', preview: inspected.preview, declared: inspected.declared },
        };
      } finally {
        if (downloads.get(dataset.id) === controller) downloads.delete(dataset.id);
      }
    },
    'renderer:data.cancel': async ({ id }) => {
      downloads.get(id)?.abort();
      return { ok: true, result: {} };
    },
    'renderer:data.csvPreview': async ({ path, file }) => {
      const project = await host.paths.resolve(path);
      if (!project.ok) return project;
      const csv = await dataFile(host.paths, project.result, file);
      if (!csv.ok) return csv;
      let text: string;
      try {
        const handle = await open(csv.result, 'r');
        try {
          const buffer = Buffer.alloc(PREVIEW_BYTES);
          const { bytesRead } = await handle.read(buffer, 0, PREVIEW_BYTES, 0);
          text = buffer.subarray(0, bytesRead).toString('utf8');
          // A cut-off last line would look like a ragged row: keep whole lines only.
          if (bytesRead === PREVIEW_BYTES) text = text.slice(0, text.lastIndexOf('\n') + 1);
        } finally {
          await handle.close();
        }
      } catch (error) {
        return {
          ok: true,
          result: { status: 'failed', error: `${file}: cannot read the file (${describe(error)})` },
        };
      }
      // The header and the first rows only: a problem further down is the import's to report.
      const parsed = parseCsv(
        text
          .split('\n')
          .slice(0, PREVIEW_ROWS * 4 + 1)
          .join('\n'),
      );
      if (!parsed.ok) {
        return {
          ok: true,
          result: { status: 'failed', error: `${file}, line ${parsed.line}: ${parsed.message}` },
        };
      }
      const [header, ...rows] = parsed.records;
      if (!header)
        return { ok: true, result: { status: 'failed', error: `${file}: the file is empty` } };
      return {
        ok: true,
        result: {
          status: 'ok',
          columns: header.fields.map((f) => f.trim()),
          rows: rows.slice(0, PREVIEW_ROWS).map((r) => r.fields),
        },
      };
    },
    'renderer:data.browse': async ({ path, folder }) => {
      const project = await host.paths.resolve(path);
      if (!project.ok) return project;
      const dir = await dataFile(host.paths, project.result, folder ?? '.');
      if (!dir.ok) return dir;
      const entries = await readdir(dir.result, { withFileTypes: true }).catch(() => []);
      const shown = entries
        .filter((e) => !e.name.startsWith('.') && (e.isFile() || e.isDirectory()))
        .map((e) => ({
          name: e.name,
          kind: e.isDirectory() ? ('folder' as const) : ('file' as const),
        }))
        .sort((a, b) =>
          a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1,
        );
      const rel = relative(dirname(project.result), dir.result).split(sep).join('/');
      return { ok: true, result: { folder: rel, entries: shown } };
    },
    'renderer:data.pick': async ({ path, what }) => {
      const project = await host.paths.resolve(path);
      if (!project.ok) return project;
      const choose = host.dialogs?.chooseDataPaths;
      if (!choose)
        return failure(
          'unsupported',
          'No native file picker here: type the paths or pick them from the list.',
        );
      const chosen = await choose(what);
      const base = dirname(project.result);
      return {
        ok: true,
        result: { paths: chosen.map((p) => projectRelative(project.result, p, base)) },
      };
    },
  };
}
