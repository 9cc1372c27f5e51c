import { openTemplate } from '../actions/files.js';
import { closeDialog, Modal } from '../dialogs/Modal.js';
import { TemplateGrid } from './TemplateGrid.js';

/** New from template, from inside the editor: the start page's templates in a dialog. */
export function TemplatesDialog() {
  return (
    <Modal
      title="New from template"
      actions={
        <button type="button" onClick={closeDialog}>
          Cancel
        </button>
      }
    >
      <div className="templates-dialog">
        <TemplateGrid
          onChoose={(name) => {
            closeDialog();
            openTemplate(name);
          }}
        />
      </div>
    </Modal>
  );
}
