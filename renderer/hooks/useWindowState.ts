import { useEffect } from 'react';
import { api } from '../api/index.js';
import { isDirty, useEditor } from '../store/editorStore.js';

/** Keeps the window title and dirty marker in step with the document, here and in main. */
export function useWindowState() {
  const screen = useEditor((s) => s.screen);
  const name = useEditor((s) => s.doc.name);
  const path = useEditor((s) => s.path);
  const dirty = useEditor((s) => s.screen === 'editor' && isDirty(s));
  useEffect(() => {
    const file = path ? (path.split(/[\\/]/).pop() ?? path) : name;
    const title = screen === 'editor' ? `${dirty ? '● ' : ''}${file} — Strata` : 'Strata';
    document.title = title;
    const request = api()['window.state']({ title, dirty });
    request.catch(() => undefined); // Cosmetic; a failure here must not disturb editing.
  }, [screen, name, path, dirty]);
}
