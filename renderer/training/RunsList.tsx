import { useState } from 'react';
import type { RunListingView } from '../../shared/api/contract.js';
import { RUN_NAME_MAX, RUN_NOTE_MAX } from '../../shared/api/run-channels.js';
import { showRun, toggleOverlay } from './actions.js';
import { deleteRun, updateRun } from './runEdits.js';
import { useTraining } from './trainingStore.js';
import './runs.css';

const figure = (value: number | undefined) =>
  value === undefined ? '–' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);

/** The run's main settings in a few words. */
function settingsText(run: RunListingView): string {
  const s = run.settings as {
    optimizer?: { name?: string; learningRate?: number };
    batchSize?: number;
    epochs?: number;
  };
  return `${s.optimizer?.name ?? '?'} lr ${s.optimizer?.learningRate ?? '?'} · batch ${s.batchSize ?? '?'} · ${s.epochs ?? '?'} epochs`;
}

/** What is being edited in the list: a run's name or note, or a delete waiting for a yes. */
type Editing = { runId: string; field: 'name' | 'note' | 'delete' } | null;

/** The project's runs, newest first: open one on the dashboard, tick others to overlay them. */
export function RunsList() {
  const history = useTraining((s) => s.history);
  const current = useTraining((s) => s.currentRunId);
  const overlay = useTraining((s) => s.overlay);
  const [editing, setEditing] = useState<Editing>(null);
  if (history.length === 0) return <p className="empty-note">No runs of this project yet.</p>;
  return (
    <ul className="runs-list" aria-label="Runs" data-testid="runs-list">
      {history.map((run) => {
        const val = run.validation ?? {};
        const valLoss = val.loss;
        const valAccuracy = val.accuracy;
        const title = run.meta.name ?? new Date(run.startedAt).toLocaleString();
        const edit = editing?.runId === run.runId ? editing.field : null;
        return (
          <li
            key={run.runId}
            className={run.runId === current ? 'run-item current' : 'run-item'}
            data-run-id={run.runId}
            aria-label={`Run ${title}`}
          >
            <input
              type="checkbox"
              aria-label={`Overlay run ${run.runId}`}
              title="Draw on the same charts"
              disabled={run.runId === current}
              checked={overlay.includes(run.runId)}
              onChange={() => void toggleOverlay(run.runId)}
            />
            <button type="button" className="run-open" onClick={() => void showRun(run.runId)}>
              <span className="run-when">
                {run.meta.starred && <span aria-label="starred">★ </span>}
                {title}
              </span>
              <span className={`run-status status-${run.status}`}>{run.status}</span>
              <span className="run-settings muted">
                {run.dataset} · {settingsText(run)}
              </span>
              <span className="run-figures">
                {run.epochs ?? 0} epochs · val loss {figure(valLoss)}
                {valAccuracy !== undefined && ` · val accuracy ${figure(valAccuracy)}`}
              </span>
              {run.meta.note && <span className="run-note muted">{run.meta.note}</span>}
            </button>
            <RunActions
              run={run}
              edit={edit}
              onEdit={(field) => setEditing(field ? { runId: run.runId, field } : null)}
            />
          </li>
        );
      })}
    </ul>
  );
}

/** Star, rename, note and delete (asked first) for one run. */
function RunActions({
  run,
  edit,
  onEdit,
}: {
  run: RunListingView;
  edit: 'name' | 'note' | 'delete' | null;
  onEdit: (field: 'name' | 'note' | 'delete' | null) => void;
}) {
  const [text, setText] = useState('');
  const begin = (field: 'name' | 'note') => {
    setText(run.meta[field] ?? '');
    onEdit(field);
  };
  if (edit === 'delete') {
    return (
      <div className="run-actions" role="group" aria-label="Delete run">
        <span>Delete this run, its weights and its log?</span>
        <button
          type="button"
          className="danger"
          onClick={() => void deleteRun(run.runId).then(() => onEdit(null))}
        >
          Delete run
        </button>
        <button type="button" onClick={() => onEdit(null)}>
          Keep
        </button>
      </div>
    );
  }
  if (edit === 'name' || edit === 'note') {
    const save = () => void updateRun(run.runId, { [edit]: text }).then(() => onEdit(null));
    return (
      <form
        className="run-actions"
        onSubmit={(e) => (e.preventDefault(), save())}
        onKeyDown={(e) => e.key === 'Escape' && onEdit(null)}
      >
        {edit === 'name' ? (
          <input
            aria-label="Run name"
            value={text}
            maxLength={RUN_NAME_MAX}
            autoFocus
            onChange={(e) => setText(e.target.value)}
          />
        ) : (
          <textarea
            aria-label="Run note"
            value={text}
            rows={2}
            maxLength={RUN_NOTE_MAX}
            autoFocus
            onChange={(e) => setText(e.target.value)}
          />
        )}
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={() => onEdit(null)}>
          Cancel
        </button>
      </form>
    );
  }
  const running = run.status === 'running';
  return (
    <div className="run-actions" role="group" aria-label="Run actions">
      <button
        type="button"
        aria-pressed={run.meta.starred ?? false}
        title={run.meta.starred ? 'Remove the star' : 'Star this run'}
        onClick={() => void updateRun(run.runId, { starred: !run.meta.starred })}
      >
        {run.meta.starred ? '★' : '☆'}
      </button>
      <button type="button" onClick={() => begin('name')}>
        Rename
      </button>
      <button type="button" onClick={() => begin('note')}>
        Note
      </button>
      <button
        type="button"
        disabled={running}
        title={running ? 'Stop the run before deleting it' : undefined}
        onClick={() => onEdit('delete')}
      >
        Delete
      </button>
    </div>
  );
}
