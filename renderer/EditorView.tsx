import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.js';
import { Inspector } from './inspector/Inspector.js';
import { Palette } from './palette/Palette.js';
import { ModelTabs } from './panels/ModelTabs.js';
import { ProblemsPanel } from './panels/ProblemsPanel.js';
import { StatusBar } from './panels/StatusBar.js';
import { Toolbar } from './panels/Toolbar.js';
import { useUi } from './store/uiStore.js';
import { TrainView } from './training/TrainView.js';
import { useTraining } from './training/trainingStore.js';
import { ViewTabs } from './training/ViewTabs.js';

/** The editor: toolbar, palette, model tabs and canvas, inspector, problems and status. */
export function EditorView() {
  const palette = useUi((s) => s.palette);
  const inspector = useUi((s) => s.inspector);
  const problems = useUi((s) => s.problems);
  // The editor stays mounted under the Train view so the canvas keeps its viewport.
  const training = useTraining((s) => s.view === 'train');
  return (
    <ReactFlowProvider>
      <div className="editor">
        <Toolbar />
        <ViewTabs />
        {training && <TrainView />}
        <div className="editor-main" style={training ? { display: 'none' } : undefined}>
          {palette && <Palette />}
          <div className="editor-centre">
            <ModelTabs />
            <Canvas />
            {problems && <ProblemsPanel />}
          </div>
          {inspector && <Inspector />}
        </div>
        <StatusBar />
      </div>
    </ReactFlowProvider>
  );
}
