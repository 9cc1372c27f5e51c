import { useEffect, useId, useState } from 'react';
import { api } from '../api/index.js';
import { useUi } from '../store/uiStore.js';

/**
 * A path relative to the project file: typed, picked with the system's dialog in the desktop
 * app, or picked from a listing of the project's folder in a browser.
 */
export function PathField({
  label,
  value,
  onChange,
  project,
  folder = false,
}: {
  label: string;
  value: string;
  onChange: (path: string) => void;
  project: string;
  folder?: boolean;
}) {
  const id = useId();
  const native = useUi((s) => s.info?.nativeDialogs ?? false);
  const [browsing, setBrowsing] = useState(false);
  const pick = async () => {
    if (!native) return setBrowsing((b) => !b);
    const { paths } = await api()['data.pick']({
      path: project,
      what: folder ? 'folder' : 'files',
    });
    if (paths[0]) onChange(paths[0]);
  };
  return (
    <div className="setup-field data-path">
      <label htmlFor={id}>{label}</label>
      <div className="data-path-row">
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
        />
        <button type="button" onClick={() => void pick()}>
          Browse…
        </button>
      </div>
      {browsing && (
        <FileList
          project={project}
          folder={folder}
          onPick={(path) => {
            onChange(path);
            setBrowsing(false);
          }}
        />
      )}
    </div>
  );
}

/** The files beside the project, folder by folder; a click picks a file (or a folder). */
function FileList({
  project,
  folder,
  onPick,
}: {
  project: string;
  folder: boolean;
  onPick: (path: string) => void;
}) {
  const [listing, setListing] = useState<{
    folder: string;
    entries: { name: string; kind: 'file' | 'folder' }[];
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (dir: string | undefined) => {
    try {
      setListing(await api()['data.browse']({ path: project, ...(dir ? { folder: dir } : {}) }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    void load(undefined);
    // Listed once when the picker opens; later loads follow the clicks.
  }, []);
  const join = (name: string) => (listing?.folder ? `${listing.folder}/${name}` : name);
  return (
    <div className="data-files" role="listbox" aria-label="Files beside the project">
      {error && <p role="alert">{error}</p>}
      {listing && listing.folder !== '' && (
        <button type="button" onClick={() => void load(`${listing.folder}/..`)}>
          ..
        </button>
      )}
      {folder && listing && listing.folder !== '' && (
        <button type="button" onClick={() => onPick(listing.folder)}>
          Use this folder ({listing.folder})
        </button>
      )}
      {listing?.entries.map((entry) => (
        <button
          key={entry.name}
          type="button"
          role="option"
          aria-selected={false}
          onClick={() =>
            entry.kind === 'folder' ? void load(join(entry.name)) : onPick(join(entry.name))
          }
        >
          {entry.kind === 'folder' ? `${entry.name}/` : entry.name}
        </button>
      ))}
    </div>
  );
}
