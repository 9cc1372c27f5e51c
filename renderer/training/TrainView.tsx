import { useEffect } from 'react';
import { Dashboard } from '../dashboard/Dashboard.js';
import { TestPanel } from '../inspection/TestPanel.js';
import { useEditor } from '../store/editorStore.js';
import { loadTrainingOptions, refreshRuns } from './actions.js';
import { RunControls } from './RunControls.js';
import { RunGraphNote } from './RunGraphNote.js';
import { RunsList } from './RunsList.js';
import { SetupForm } from './SetupForm.js';
import './training.css';

/** The Train view of a project: recipe and runs on the side, controls and live charts in the middle. */
export function TrainView() {
  const path = useEditor((s) => s.path);
  useEffect(() => {
    void loadTrainingOptions();
  }, []);
  useEffect(() => {
    void refreshRuns();
  }, [path]);
  return (
    <div className="train-view" data-testid="train-view">
      <aside className="train-side">
        <h2 className="panel-heading">Training setup</h2>
        <SetupForm />
        <h2 className="panel-heading">Runs</h2>
        <RunsList />
      </aside>
      <main className="train-main">
        <RunControls />
        <Dashboard />
        <RunGraphNote />
        <TestPanel />
      </main>
    </div>
  );
}
