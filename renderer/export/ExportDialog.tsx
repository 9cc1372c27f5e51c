import { useEffect, useState } from 'react';
import type { EventOf, ResponseOf } from '../../shared/api/contract.js';
import { api } from '../api/index.js';
import { closeDialog, Modal } from '../dialogs/Modal.js';
import { writeProject } from '../document/project.js';
import { editorStore, useEditor } from '../store/editorStore.js';
import { useUi } from '../store/uiStore.js';
import { useTraining } from '../training/trainingStore.js';
import {
  defaultExportFolder,
  defaultRun,
  exportableRuns,
  FORMAT_CHOICES,
  runChoiceLabel,
  type FormatChoice,
} from './exportChoices.js';
import { ExportOutcome } from './ExportOutcome.js';
import { RunGraphHint } from './RunGraphHint.js';
import { refreshRuns } from '../training/actions.js';
import './export.css';

const UNTRAINED = '';
const ALL_MODELS = '';
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** File ▸ Export…: format, weights, model and destination; then progress and what was written. */
export function ExportDialog() {
  const path = useEditor((s) => s.path);
  const models = useEditor((s) => s.doc.models);
  const history = useTraining((s) => s.history);
  const current = useTraining((s) => s.currentRunId);
  const nativeDialogs = useUi((s) => s.info?.nativeDialogs ?? false);
  const [format, setFormat] = useState<FormatChoice>('tfjs');
  // Until the user picks, follow the run list as it loads.
  const [runChoice, setRunId] = useState<string>();
  const runId = runChoice ?? defaultRun(history, current) ?? UNTRAINED;
  const [modelId, setModelId] = useState(ALL_MODELS);
  const [folder, setFolder] = useState<string>();
  const [progress, setProgress] = useState<EventOf<'main:export.progress'>>();
  const [result, setResult] = useState<ResponseOf<'renderer:export.run'>>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => api().on('main:export.progress', setProgress), []);
  useEffect(() => {
    void refreshRuns();
  }, []);
  const outDir = folder ?? (path ? defaultExportFolder(path, format) : '');

  /** Exports; `replacing` sends the folder of a `confirm-replace` answer back, agreed. */
  const start = async (replacing?: string) => {
    if (!path) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setProgress(undefined);
    try {
      setResult(
        await api()['export.run']({
          path,
          format,
          document: writeProject(editorStore.getState().doc),
          ...(runId ? { runId } : {}),
          ...(modelId ? { modelId } : {}),
          ...(replacing !== undefined
            ? { outDir: replacing, replace: true }
            : nativeDialogs
              ? {}
              : { outDir }),
        }),
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const done = result?.status === 'exported';
  return (
    <Modal
      title="Export model"
      actions={
        <>
          <button type="button" onClick={closeDialog}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void start()}
            disabled={
              !path ||
              busy ||
              result?.status === 'confirm-replace' ||
              (!nativeDialogs && outDir.trim() === '')
            }
            data-testid="export-start"
          >
            {busy ? 'Exporting…' : nativeDialogs ? 'Choose folder and export…' : 'Export'}
          </button>
        </>
      }
    >
      <div className="export-form" data-testid="export-dialog">
        {!path && <p className="run-error">Save the project first: exports read its runs.</p>}
        <fieldset className="export-formats">
          <legend>Format</legend>
          {FORMAT_CHOICES.map((f) => (
            <label key={f.id} className="export-format">
              <input
                type="radio"
                name="export-format"
                value={f.id}
                checked={format === f.id}
                onChange={() => setFormat(f.id)}
              />
              <strong>{f.label}</strong> <span className="muted">{f.note}</span>
            </label>
          ))}
        </fieldset>
        <label className="setup-field">
          Weights
          <select value={runId} onChange={(e) => setRunId(e.target.value)} aria-label="Weights">
            <option value={UNTRAINED}>Untrained (initial weights from the recipe seed)</option>
            {exportableRuns(history).map((r) => (
              <option key={r.runId} value={r.runId}>
                Run {runChoiceLabel(r)}
              </option>
            ))}
          </select>
        </label>
        {runId && <RunGraphHint runId={runId} />}
        {models.length > 1 && (
          <label className="setup-field">
            Model
            <select value={modelId} onChange={(e) => setModelId(e.target.value)} aria-label="Model">
              <option value={ALL_MODELS}>All models (a folder each)</option>
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {nativeDialogs ? (
          <p className="muted">
            You will pick the destination next: a new or empty folder, or an earlier export.
          </p>
        ) : (
          <label className="setup-field">
            Folder
            <input
              value={outDir}
              onChange={(e) => {
                setFolder(e.target.value);
                setResult(undefined);
              }}
              aria-label="Destination folder"
              title="A new or empty folder inside the served folder, or an earlier export"
            />
          </label>
        )}
        {busy && progress && (
          <div className="progress-panel" data-testid="export-progress">
            <div className="progress-line">
              {progress.modelId}: {progress.label}
            </div>
            <div className="progress-bar">
              <div className="progress-fill" style={{ width: `${progress.fraction * 100}%` }} />
            </div>
          </div>
        )}
        {error && (
          <p className="run-error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <ExportOutcome
            result={result}
            onReplace={(folder) => void start(folder)}
            onKeep={() => setResult(undefined)}
          />
        )}
      </div>
    </Modal>
  );
}
