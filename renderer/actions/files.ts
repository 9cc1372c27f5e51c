import type { OpenedProject, ResponseOf } from '../../shared/api/contract.js';
import { api } from '../api/index.js';
import { blankProject, readProject, writeProject } from '../document/project.js';
import { editorStore, isDirty } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';

const ui = () => uiStore.getState();
const editor = () => editorStore.getState();

function failed(what: string, error: unknown) {
  ui().toast(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
}

/** Runs `then` at once, or after the user agrees to lose unsaved changes. */
export function afterConfirmingDiscard(then: () => void) {
  if (editor().screen !== 'editor' || !isDirty(editor())) return then();
  ui().set({
    dialog: {
      type: 'confirm',
      title: 'Discard unsaved changes?',
      message: `${editor().doc.name} has changes that are not saved.`,
      confirm: 'Discard changes',
      onConfirm() {
        // The user chose to lose this work, so its autosave should not be offered back later.
        const discarding = api()['recovery.discard']({ key: editor().recoveryKey });
        discarding.catch(() => undefined);
        then();
      },
    },
  });
}

/** Shows an opened project; its warnings (what loading repaired) become messages. */
export function showOpened(opened: OpenedProject) {
  editor().showEditor(readProject(opened.document), {
    path: opened.path,
    stamp: opened.stamp,
    // Unedited, even when never saved: closing it loses nothing the user did.
    clean: true,
  });
  for (const warning of opened.warnings) ui().toast(warning);
}

export function newProject() {
  afterConfirmingDiscard(() =>
    editor().showEditor(blankProject(), { path: null, stamp: null, clean: true }),
  );
}

export function openTemplate(name: string) {
  afterConfirmingDiscard(() => {
    const request = api()['templates.create']({ name });
    request.then(showOpened, (e) => failed('Creating the project', e));
  });
}

/** Opens a file: the given path, else the native dialog, else the in-app file picker. */
export function openProject(path?: string) {
  afterConfirmingDiscard(() => {
    if (!path && ui().info?.nativeDialogs === false) {
      ui().set({ dialog: { type: 'files', mode: 'open' } });
      return;
    }
    openPath(path);
  });
}

/** Opens a file without asking about unsaved changes (the caller already did). */
export function openPath(path?: string) {
  const opening = api()['project.open'](path ? { path } : {});
  opening.then(
    (opened) => opened && showOpened(opened),
    (e) => failed('Opening', e),
  );
}

/** Re-reads the current file from disk, dropping local changes. */
export function reloadProject() {
  const path = editor().path;
  if (!path) return;
  const reading = api()['project.open']({ path });
  reading.then(
    (opened) => opened && showOpened(opened),
    (e) => failed('Reloading', e),
  );
}

async function handleSaveResult(
  result: ResponseOf<'renderer:project.save'>,
  doc: ReturnType<typeof editor>['doc'],
) {
  if (result.status === 'saved') {
    editor().markSaved(result.path, result.stamp, doc);
    await api()['recovery.discard']({ key: editor().recoveryKey });
  } else if (result.status === 'conflict') {
    ui().set({ dialog: { type: 'conflict', path: result.path } });
  }
}

/**
 * Saves to the current file, or asks where (native dialog or in-app picker) for Save As and new
 * documents. `force` overwrites a file that changed on disk.
 */
export async function saveProject(
  options: { saveAs?: boolean; path?: string; force?: boolean } = {},
) {
  const state = editor();
  if (state.screen !== 'editor') return;
  const path = options.path ?? (options.saveAs ? undefined : (state.path ?? undefined));
  if (!path && ui().info?.nativeDialogs === false) {
    ui().set({ dialog: { type: 'files', mode: 'save' } });
    return;
  }
  const doc = state.doc;
  try {
    const result = await api()['project.save']({
      path,
      document: writeProject(doc),
      baseStamp: path === state.path ? state.stamp : null,
      force: options.force ?? false,
    });
    await handleSaveResult(result, doc);
  } catch (e) {
    failed('Saving', e);
  }
}
