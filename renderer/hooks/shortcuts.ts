import type { MenuCommand } from '../../shared/api/contract.js';

/** What a key press asks for; `undefined` when it is not one of the editor's shortcuts. */
export function shortcutCommand(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): MenuCommand | 'duplicate' | 'group' | undefined {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return undefined;
  if (!mod) return e.key === 'Delete' || e.key === 'Backspace' ? 'delete' : undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  if (key === 's') return e.shiftKey ? 'saveAs' : 'save';
  if (e.shiftKey) return undefined;
  const plain: Record<string, MenuCommand | 'duplicate' | 'group'> = {
    c: 'copy',
    x: 'cut',
    v: 'paste',
    d: 'duplicate',
    o: 'open',
    n: 'new',
    a: 'selectAll',
    g: 'group',
  };
  return plain[key];
}

/** Commands a text field keeps for itself (its own undo, copy, select all). */
export const TEXT_EDITING = new Set<string>([
  'undo',
  'redo',
  'copy',
  'cut',
  'paste',
  'selectAll',
  'delete',
]);
