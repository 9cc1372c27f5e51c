import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/api/contract.js';
import { PROJECT_EXTENSION } from '../../shared/project/schema.js';
import { api } from '../api/index.js';
import { openPath, saveProject } from '../actions/files.js';
import { useEditor } from '../store/editorStore.js';
import { closeDialog, Modal } from './Modal.js';

type Files = ResponseOf<'renderer:files.list'>;

/** The in-app file picker, for browsers where main cannot show a native dialog. */
export function FilesDialog({ mode }: { mode: 'open' | 'save' }) {
  const [files, setFiles] = useState<Files | null>(null);
  const [error, setError] = useState<string>();
  const docName = useEditor((s) => s.doc.name);
  const [name, setName] = useState(`${docName}${PROJECT_EXTENSION}`);
  useEffect(() => {
    const request = api()['files.list']({});
    // Open also imports models (ONNX, model.json) into a new project; Save writes projects only.
    const shown = (all: Files) =>
      mode === 'open' ? all : all.filter((f) => f.path.endsWith(PROJECT_EXTENSION));
    request.then(
      (all) => setFiles(shown(all)),
      (e: Error) => setError(e.message),
    );
  }, [mode]);

  const choose = (path: string) => {
    closeDialog();
    if (mode === 'open') openPath(path);
    else void saveProject({ path });
  };
  const typed = name.trim().endsWith(PROJECT_EXTENSION)
    ? name.trim()
    : `${name.trim()}${PROJECT_EXTENSION}`;

  return (
    <Modal
      title={mode === 'open' ? 'Open project or import a model' : 'Save project as'}
      actions={
        <>
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          {mode === 'save' && (
            <button
              type="button"
              className="primary"
              disabled={name.trim() === ''}
              onClick={() => choose(typed)}
            >
              Save
            </button>
          )}
        </>
      }
    >
      {mode === 'save' && (
        <div className="param-field">
          <label htmlFor="file-name" className="param-label">
            File name
          </label>
          <input
            id="file-name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && name.trim() && choose(typed)}
          />
        </div>
      )}
      {error && <p className="param-error">{error}</p>}
      {files === null && !error && <p className="empty-note">Loading…</p>}
      {files?.length === 0 && <p className="empty-note">No project files yet.</p>}
      {files && files.length > 0 && (
        <ul className="file-list" aria-label="Project files">
          {files.map((f) => (
            <li key={f.path}>
              <button
                type="button"
                onClick={() => (mode === 'open' ? choose(f.path) : setName(f.path))}
              >
                <span>{f.path}</span>
                <span className="muted">{new Date(f.modified).toLocaleString()}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
