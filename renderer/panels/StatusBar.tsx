import { compactNumber } from '../canvas/nodeSummary.js';
import { isDirty, useEditor } from '../store/editorStore.js';
import { uiStore, useUi } from '../store/uiStore.js';

/** Parameter and MAC totals, the problem count (opens the list), and the save state. */
export function StatusBar() {
  const totals = useEditor((s) => s.analysis.totals);
  const diagnostics = useEditor((s) => s.analysis.diagnostics);
  const dirty = useEditor(isDirty);
  const path = useEditor((s) => s.path);
  const problems = useUi((s) => s.problems);
  const summary = useUi((s) => s.summary);
  const busy = useUi((s) => s.busy);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const total = totals.trainable + totals.nonTrainable;

  return (
    <footer className="status-bar" role="status" aria-label="Status">
      <span data-testid="total-params" title={`${total.toLocaleString()} parameters`}>
        Params {total.toLocaleString()}
        <span className="muted">
          {' '}
          ({totals.trainable.toLocaleString()} trainable, {totals.nonTrainable.toLocaleString()}{' '}
          non-trainable)
        </span>
      </span>
      <span
        data-testid="total-macs"
        title={`${totals.macs.toLocaleString()} multiply-adds per example`}
      >
        MACs {compactNumber(totals.macs)}
      </span>
      <button
        type="button"
        className={`status-problems${errors ? ' error' : warnings ? ' warning' : ''}`}
        aria-pressed={problems}
        onClick={() => uiStore.getState().set({ problems: !problems })}
      >
        {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
      </button>
      <button
        type="button"
        className="status-summary"
        aria-pressed={summary}
        onClick={() => uiStore.getState().set({ summary: !summary })}
      >
        Summary
      </button>
      <span className="status-spacer" />
      {busy && (
        <span className="status-busy" data-testid="busy" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {busy}
        </span>
      )}
      <span className="status-file" data-testid="save-state">
        {path ?? 'Not saved yet'}
        {dirty ? ' — edited' : ''}
      </span>
    </footer>
  );
}
