import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/api/contract.js';
import { api } from '../api/index.js';

type Templates = ResponseOf<'renderer:templates.list'>;

/** The built-in templates as cards; choosing one calls `onChoose` with its name. */
export function TemplateGrid({ onChoose }: { onChoose(name: string): void }) {
  const [templates, setTemplates] = useState<Templates | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const listing = api()['templates.list']({});
    listing.then(setTemplates, (e: Error) =>
      setError(`Templates could not be listed: ${e.message}`),
    );
  }, []);
  return (
    <>
      {error && <p className="param-error">{error}</p>}
      {templates === null && !error && <p className="empty-note">Loading templates…</p>}
      <ul className="template-grid">
        {templates?.map((t) => (
          <li key={t.name}>
            <button
              type="button"
              className="template-card"
              onClick={() => onChoose(t.name)}
              aria-label={t.title}
            >
              <span className="template-title">{t.title}</span>
              <span className="template-description">{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
