import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/api/contract.js';
import { api } from '../api/index.js';
import { readProject } from '../document/project.js';
import { editorStore } from '../store/editorStore.js';

type Recovered = ResponseOf<'renderer:recovery.list'>[number];

/** Unsaved work left by a window that closed or crashed, offered back at start. */
export function RecoveryList() {
  const [entries, setEntries] = useState<Recovered[]>([]);
  useEffect(() => {
    const request = api()['recovery.list']({});
    request.then(setEntries, () => setEntries([]));
  }, []);
  if (entries.length === 0) return null;

  const discard = (key: string) => {
    setEntries((list) => list.filter((e) => e.key !== key));
    void api()['recovery.discard']({ key });
  };
  const restore = (entry: Recovered) => {
    // A recovered document is unsaved work: it opens dirty, and its old autosave is dropped
    // once this window writes its own. It keeps the stamp its work started from, so saving
    // warns only when the file really changed since.
    editorStore.getState().showEditor(readProject(entry.document), {
      path: entry.path,
      stamp: entry.stamp,
      clean: false,
    });
    void api()['recovery.discard']({ key: entry.key });
  };

  return (
    <section className="recovery" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Recover unsaved work</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span>
              {entry.path ?? String(entry.document.name ?? 'Untitled')}
              <span className="muted"> — autosaved {new Date(entry.saved).toLocaleString()}</span>
            </span>
            <button type="button" className="primary" onClick={() => restore(entry)}>
              Recover
            </button>
            <button type="button" onClick={() => discard(entry.key)}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
