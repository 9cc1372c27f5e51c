import { activeModel } from '../store/documentSlice.js';
import { editorStore } from '../store/editorStore.js';
import { expandBlock, groupSelection } from './blocks.js';
import { copySelection, cutSelection, paste } from './clipboard.js';
import { runCommand } from './commands.js';

/** One entry of a right-click menu. */
export interface MenuItem {
  label: string;
  run(): void;
  keys?: string;
  disabled?: boolean;
}

const editor = () => editorStore.getState();

/**
 * The menu for a node. Right-clicking a node outside the selection selects it first, as file
 * managers do, so every entry acts on what the user sees selected.
 */
export function nodeMenu(nodeId: string): MenuItem[] {
  const state = editor();
  if (!state.selection.nodes.includes(nodeId)) state.select([nodeId]);
  const selected = editor().selection.nodes;
  const node = activeModel(state.doc, state.activeModelId).nodes.find((n) => n.id === nodeId);
  const items: MenuItem[] = [
    { label: 'Duplicate', keys: 'Ctrl+D', run: () => editor().duplicateSelection() },
    { label: 'Copy', keys: 'Ctrl+C', run: () => void copySelection() },
    { label: 'Cut', keys: 'Ctrl+X', run: () => void cutSelection() },
  ];
  if (selected.length > 1) items.push({ label: 'Group into block', run: () => groupSelection() });
  if (node?.kind === 'Block') items.push({ label: 'Expand block', run: () => expandBlock(nodeId) });
  items.push({
    label: selected.length > 1 ? `Delete ${selected.length} layers` : 'Delete',
    keys: 'Del',
    run: () => editor().deleteSelection(),
  });
  return items;
}

/** The menu for an edge: it acts on that edge alone. */
export function edgeMenu(edgeId: string): MenuItem[] {
  editor().select([], [edgeId]);
  return [{ label: 'Delete connection', keys: 'Del', run: () => editor().deleteSelection() }];
}

/** The menu for the empty canvas. */
export function canvasMenu(focusPaletteSearch: () => void): MenuItem[] {
  const empty = activeModel(editor().doc, editor().activeModelId).nodes.length === 0;
  return [
    { label: 'Add layer…', run: focusPaletteSearch },
    { label: 'Paste', keys: 'Ctrl+V', run: () => void paste() },
    { label: 'Select all', keys: 'Ctrl+A', run: () => editor().selectAll(), disabled: empty },
    { label: 'Auto layout', run: () => runCommand('autoLayout'), disabled: empty },
    { label: 'Fit view', run: () => runCommand('fitView'), disabled: empty },
  ];
}
