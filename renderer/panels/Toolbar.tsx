import type { MenuCommand } from '../../shared/api/contract.js';
import { runCommand } from '../actions/commands.js';
import { isDirty, useEditor } from '../store/editorStore.js';
import { uiStore, useUi } from '../store/uiStore.js';

const mod = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘' : 'Ctrl+';

function ToolButton({
  command,
  label,
  keys,
  disabled,
}: {
  command: MenuCommand;
  label: string;
  keys?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="tool-button"
      onClick={() => runCommand(command)}
      disabled={disabled}
      title={keys ? `${label} (${keys})` : label}
    >
      {label}
    </button>
  );
}

/** `models/digits.strata` → `digits`. */
export function fileStem(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.strata$/i, '');
}

/** File, edit and view commands, with the undo step labels in the tooltips. */
export function Toolbar() {
  // Once saved, the document is called by its file, as the window title is (Save as renames it).
  const name = useEditor((s) => (s.path ? fileStem(s.path) : s.doc.name));
  const dirty = useEditor(isDirty);
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future.at(-1)?.label);
  const theme = useUi((s) => s.theme);
  return (
    <header className="toolbar" role="toolbar" aria-label="Editor toolbar">
      <span className="app-name">Strata</span>
      <span className="doc-name" data-testid="document-title">
        {name}
        {dirty && (
          <span className="dirty-marker" aria-label="unsaved changes" title="Unsaved changes">
            {' '}
            ●
          </span>
        )}
      </span>
      <span className="toolbar-group">
        <ToolButton command="new" label="New" keys={`${mod}N`} />
        <button
          type="button"
          className="tool-button"
          onClick={() => uiStore.getState().set({ dialog: { type: 'templates' } })}
        >
          New from template…
        </button>
        <ToolButton command="open" label="Open" keys={`${mod}O`} />
        <ToolButton command="save" label="Save" keys={`${mod}S`} />
        <ToolButton command="saveAs" label="Save as" keys={`${mod}Shift+S`} />
        <ToolButton command="export" label="Export…" />
      </span>
      <span className="toolbar-group">
        <button
          type="button"
          className="tool-button"
          onClick={() => runCommand('undo')}
          disabled={!undoLabel}
          title={undoLabel ? `Undo ${undoLabel}` : 'Nothing to undo'}
          aria-label="Undo"
        >
          Undo
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => runCommand('redo')}
          disabled={!redoLabel}
          title={redoLabel ? `Redo ${redoLabel}` : 'Nothing to redo'}
          aria-label="Redo"
        >
          Redo
        </button>
      </span>
      <span className="toolbar-group">
        <ToolButton command="autoLayout" label="Auto layout" />
        <ToolButton command="fitView" label="Fit view" />
        <ToolButton command="toggleTheme" label={theme === 'dark' ? 'Light theme' : 'Dark theme'} />
      </span>
    </header>
  );
}
