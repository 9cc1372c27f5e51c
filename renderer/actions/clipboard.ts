import { parseFragment, type Fragment } from '../document/fragment.js';
import { editorStore } from '../store/editorStore.js';
import { uiStore } from '../store/uiStore.js';

/** The last copy, for when the system clipboard is out of reach (permissions, headless). */
let local: Fragment | undefined;
let pastes = 0;

/** Copies the selected layers as JSON text, so they paste into another window too. */
export async function copySelection(): Promise<boolean> {
  const fragment = editorStore.getState().copySelection();
  if (!fragment) return false;
  local = fragment;
  pastes = 0;
  try {
    await navigator.clipboard.writeText(JSON.stringify(fragment));
  } catch {
    // The in-app copy above still pastes within this window.
  }
  return true;
}

export async function cutSelection() {
  if (await copySelection()) editorStore.getState().deleteSelection();
}

/** Pastes layers from the clipboard, each paste a little further down and to the right. */
export async function paste() {
  let fragment: Fragment | undefined;
  try {
    fragment = parseFragment(await navigator.clipboard.readText());
  } catch {
    fragment = undefined;
  }
  fragment ??= local;
  if (!fragment) {
    uiStore.getState().toast('Nothing to paste: copy some layers first.');
    return;
  }
  pastes++;
  editorStore.getState().paste(fragment, { x: 40 * pastes, y: 40 * pastes });
}
