import { useEffect } from 'react';
import { listenToTraining } from './actions.js';
import { trainingStore, useTraining, type ProjectView } from './trainingStore.js';

const TABS: { view: ProjectView; label: string }[] = [
  { view: 'editor', label: 'Design' },
  { view: 'data', label: 'Data' },
  { view: 'train', label: 'Train' },
];

/** Switches the project between the graph editor and training; the switch keeps runs going. */
export function ViewTabs() {
  const view = useTraining((s) => s.view);
  const running = useTraining((s) =>
    Object.values(s.runs).some((r) => r.status === 'running' || r.status === 'paused'),
  );
  useEffect(listenToTraining, []);
  return (
    <nav className="view-tabs" role="tablist" aria-label="Project views">
      {TABS.map((tab) => (
        <button
          key={tab.view}
          type="button"
          role="tab"
          aria-selected={view === tab.view}
          className={view === tab.view ? 'view-tab active' : 'view-tab'}
          onClick={() => trainingStore.getState().set({ view: tab.view })}
        >
          {tab.label}
          {tab.view === 'train' && running && (
            <span className="view-tab-dot" aria-label="training" />
          )}
        </button>
      ))}
    </nav>
  );
}
