import { reloadProject, saveProject } from '../actions/files.js';
import { useUi } from '../store/uiStore.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { TemplatesDialog } from '../start/TemplatesDialog.js';
import { FilesDialog } from './FilesDialog.js';
import { closeDialog, Modal } from './Modal.js';

/** Whichever dialog the app is showing. */
export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.type) {
    case 'files':
      return <FilesDialog mode={dialog.mode} />;
    case 'export':
      return <ExportDialog />;
    case 'templates':
      return <TemplatesDialog />;
    case 'conflict':
      return (
        <Modal
          title="The file changed on disk"
          actions={
            <>
              <button type="button" onClick={closeDialog}>
                Cancel
              </button>
              <button type="button" onClick={() => (closeDialog(), reloadProject())}>
                Reload from disk
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => (
                  closeDialog(),
                  void saveProject({ path: dialog.path, force: true })
                )}
              >
                Overwrite
              </button>
            </>
          }
        >
          <p>
            {dialog.path} was changed by another program since you opened it. Overwrite it with your
            version, or reload it and lose your changes?
          </p>
        </Modal>
      );
    case 'changedOnDisk':
      return (
        <Modal
          title="The file changed on disk"
          actions={
            <>
              <button type="button" onClick={closeDialog}>
                Keep my version
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => (closeDialog(), reloadProject())}
              >
                Reload
              </button>
            </>
          }
        >
          <p>{dialog.path} was changed by another program. Reload it?</p>
        </Modal>
      );
    case 'confirm':
      return (
        <Modal
          title={dialog.title}
          actions={
            <>
              <button type="button" onClick={closeDialog}>
                Cancel
              </button>
              <button
                type="button"
                className="primary danger"
                onClick={() => (closeDialog(), dialog.onConfirm())}
              >
                {dialog.confirm}
              </button>
            </>
          }
        >
          <p>{dialog.message}</p>
        </Modal>
      );
  }
}
