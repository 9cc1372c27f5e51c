import { useEffect, useState } from 'react';
import { api } from '../api/index.js';
import { newProject, openProject, openTemplate } from '../actions/files.js';
import { RecoveryList } from './RecoveryList.js';
import { TemplateGrid } from './TemplateGrid.js';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** The first screen: start blank, from a template, from a recent file, or recover lost work. */
export function StartPage() {
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    const recentFiles = api()['project.recent']({});
    recentFiles.then(setRecent, () => setRecent([]));
  }, []);

  return (
    <main className="start-page" aria-label="Start">
      <header className="start-header">
        <h1>Strata</h1>
        <p className="muted">Design, train and export neural networks.</p>
        <div className="start-actions">
          <button type="button" className="primary" onClick={newProject}>
            New blank project
          </button>
          <button type="button" onClick={() => openProject()}>
            Open…
          </button>
        </div>
      </header>
      <RecoveryList />
      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">Templates</h2>
        <TemplateGrid onChoose={openTemplate} />
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent files</h2>
        {recent.length === 0 ? (
          <p className="empty-note">No recent files.</p>
        ) : (
          <ul className="recent-list">
            {recent.map((path) => (
              <li key={path}>
                <button type="button" onClick={() => openProject(path)} title={path}>
                  <span>{fileName(path)}</span>
                  <span className="muted">{path}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
