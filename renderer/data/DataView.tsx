import { useEffect, useState } from 'react';
import type { DatasetPreview } from '../../shared/api/data-channels.js';
import { DOWNLOADABLE_IDS, type DeclaredDataset } from '../../shared/project/datasets.js';
import { formatShape } from '../../shared/layers/shape.js';
import { api } from '../api/index.js';
import { editorStore, useEditor } from '../store/editorStore.js';
import { CsvColumns } from './CsvColumns.js';
import { DataPreview } from './DataPreview.js';
import { PathField } from './PathField.js';
import { buildDeclaration, emptyForm, type DataForm } from './buildDeclaration.js';
import { docDatasets, withDataset, withoutDataset } from './projectDatasets.js';
import './data.css';

const KINDS: { kind: DeclaredDataset['kind']; label: string }[] = [
  { kind: 'idx', label: 'IDX images + labels' },
  { kind: 'csv', label: 'CSV table' },
  { kind: 'image-folder', label: 'Folder of images' },
  { kind: 'text', label: 'Text' },
  { kind: 'download', label: 'Well-known set (download)' },
];

type Opened =
  | { status: 'idle' }
  | { status: 'opening' }
  | { status: 'ok'; preview: DatasetPreview; declared: DeclaredDataset }
  | { status: 'failed'; errors: string[] };

/** The Data view: the project's datasets, and a form that opens new ones before adding them. */
export function DataView() {
  const path = useEditor((s) => s.path);
  const doc = useEditor((s) => s.doc);
  const declared = docDatasets(doc);
  if (!path) {
    return (
      <div className="data-view" data-testid="data-view">
        <p className="empty-note">Save the project first: data files are found relative to it.</p>
      </div>
    );
  }
  return (
    <div className="data-view" data-testid="data-view">
      <aside className="data-side">
        <h2 className="panel-heading">Datasets</h2>
        {declared.length === 0 && <p className="empty-note">No datasets of your own yet.</p>}
        <ul className="data-list" aria-label="Project datasets">
          {declared.map((d) => (
            <li key={d.id} data-testid="declared-dataset">
              <strong>{d.id}</strong> <span className="muted">{d.kind}</span>
              {d.summary && <span> {formatShape(d.summary.inputShape)}</span>}
              {doc.recipe?.dataset === d.id && <span className="muted"> (training)</span>}
              <button
                type="button"
                aria-label={`Remove ${d.id}`}
                onClick={() =>
                  editorStore
                    .getState()
                    .commit(`Remove dataset ${d.id}`, (x) => withoutDataset(x, d.id))
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <main className="data-main">
        <AddData project={path} />
      </main>
    </div>
  );
}

/** The Add data form: files (or a set), options, a preview, then Add to project. */
function AddData({ project }: { project: string }) {
  const [form, setForm] = useState<DataForm>(emptyForm);
  const [opened, setOpened] = useState<Opened>({ status: 'idle' });
  const [progress, setProgress] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const set = (patch: Partial<DataForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setOpened({ status: 'idle' });
  };
  useEffect(
    () =>
      api().on('main:data.progress', ({ file, received, total }) =>
        setProgress(
          `${file}: ${(received / 1e6).toFixed(1)}${total ? ` of ${(total / 1e6).toFixed(1)}` : ''} MB`,
        ),
      ),
    [],
  );
  const preview = async () => {
    const built = buildDeclaration(form);
    if (!built.ok) return setFormError(built.error);
    setFormError(null);
    setOpened({ status: 'opening' });
    try {
      const reply = await api()['data.inspect']({ path: project, dataset: built.declared });
      setOpened(reply.status === 'ok' ? reply : { status: 'failed', errors: reply.errors });
    } catch (error) {
      setOpened({
        status: 'failed',
        errors: [error instanceof Error ? error.message : String(error)],
      });
    } finally {
      setProgress(null);
    }
  };
  const add = () => {
    if (opened.status !== 'ok') return;
    const { declared } = opened;
    editorStore
      .getState()
      .commit(`Add dataset ${declared.id}`, (doc) => withDataset(doc, declared, true));
    setForm(emptyForm);
    setOpened({ status: 'idle' });
  };
  const path = (label: string, key: keyof DataForm, folder = false) => (
    <PathField
      label={label}
      value={form[key] as string}
      onChange={(value) => set({ [key]: value })}
      project={project}
      folder={folder}
    />
  );
  return (
    <form className="data-form" aria-label="Add data" onSubmit={(e) => e.preventDefault()}>
      <h2 className="panel-heading">Add data</h2>
      <div className="setup-field">
        <label htmlFor="data-kind">Kind</label>
        <select
          id="data-kind"
          value={form.kind}
          onChange={(e) => set({ kind: e.target.value as DataForm['kind'] })}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="setup-field">
        <label htmlFor="data-id">Dataset id</label>
        <input id="data-id" value={form.id} onChange={(e) => set({ id: e.target.value })} />
      </div>
      {form.kind === 'idx' && (
        <>
          {path('Images file', 'images')}
          {path('Labels file', 'labels')}
          {path('Test images file (optional)', 'testImages')}
          {path('Test labels file (optional)', 'testLabels')}
        </>
      )}
      {form.kind === 'csv' && (
        <>
          {path('CSV file', 'file')}
          {form.file && (
            <CsvColumns
              project={project}
              file={form.file}
              choice={{ target: form.target, features: form.features }}
              onChange={(choice) => set(choice)}
            />
          )}
          {path('Test CSV file (optional)', 'testFile')}
        </>
      )}
      {form.kind === 'image-folder' && (
        <>
          {path('Folder (one sub-folder per class)', 'folder', true)}
          {path('Test folder (optional)', 'testFolder', true)}
          <div className="setup-field">
            <label htmlFor="data-size">Size (height × width)</label>
            <span id="data-size" className="data-path-row">
              <input
                type="number"
                aria-label="Height"
                min={1}
                value={form.height}
                onChange={(e) => set({ height: Number(e.target.value) })}
              />
              <input
                type="number"
                aria-label="Width"
                min={1}
                value={form.width}
                onChange={(e) => set({ width: Number(e.target.value) })}
              />
            </span>
          </div>
          <div className="setup-field">
            <label htmlFor="data-color">Colour</label>
            <select
              id="data-color"
              value={form.color}
              onChange={(e) => set({ color: e.target.value as DataForm['color'] })}
            >
              <option value="rgb">RGB</option>
              <option value="grayscale">Grayscale</option>
            </select>
          </div>
        </>
      )}
      {form.kind === 'text' && (
        <>
          {path('Text file', 'file')}
          <div className="setup-field">
            <label htmlFor="data-tokens">Tokens</label>
            <select
              id="data-tokens"
              value={form.tokens}
              onChange={(e) => set({ tokens: e.target.value as DataForm['tokens'] })}
            >
              <option value="character">Characters</option>
              <option value="word">Words</option>
            </select>
          </div>
          <div className="setup-field">
            <label htmlFor="data-window">Window (tokens per example)</label>
            <input
              id="data-window"
              type="number"
              min={1}
              value={form.window}
              onChange={(e) => set({ window: Number(e.target.value) })}
            />
          </div>
        </>
      )}
      {form.kind === 'download' && (
        <div className="setup-field">
          <label htmlFor="data-set">Set</label>
          <select
            id="data-set"
            value={form.set}
            onChange={(e) => set({ set: e.target.value as DataForm['set'] })}
          >
            {DOWNLOADABLE_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </div>
      )}
      {formError && (
        <p role="alert" className="setup-problems">
          {formError}
        </p>
      )}
      <div className="data-actions">
        <button type="button" onClick={() => void preview()} disabled={opened.status === 'opening'}>
          {opened.status === 'opening' ? 'Opening…' : 'Preview'}
        </button>
        {opened.status === 'opening' && form.kind === 'download' && (
          <button
            type="button"
            onClick={() => void api()['data.cancel']({ id: form.id.trim() || form.set })}
          >
            Cancel download
          </button>
        )}
        <button type="button" onClick={add} disabled={opened.status !== 'ok'}>
          Add to project
        </button>
      </div>
      {progress && (
        <p role="status" data-testid="data-progress">
          {progress}
        </p>
      )}
      {opened.status === 'failed' && (
        <ul role="alert" className="setup-problems" data-testid="data-errors">
          {opened.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {opened.status === 'ok' && <DataPreview preview={opened.preview} />}
    </form>
  );
}
