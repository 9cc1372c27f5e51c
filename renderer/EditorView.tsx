import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.js';
import { DataView } from './data/DataView.js';
import { Inspector } from './inspector/Inspector.js';
import { Palette } from './palette/Palette.js';
import { ModelTabs } from './panels/ModelTabs.js';
import { ProblemsPanel } from './panels/ProblemsPanel.js';
import { SidePanel } from './panels/SidePanel.js';
import { SummaryPanel } from './panels/SummaryPanel.js';
import { StatusBar } from './panels/StatusBar.js';
import { Toolbar } from './panels/Toolbar.js';
import { useUi } from './store/uiStore.js';
import { TrainView } from './training/TrainView.js';
import { useTraining } from './training/trainingStore.js';
import { ViewTabs } from './training/ViewTabs.js';

const PALETTE_SIZE = { initial: 240, min: 160, max: 480 };
const INSPECTOR_SIZE = { initial: 300, min: 220, max: 640 };
const BOTTOM_SIZE = { initial: 240, min: 100, max: 640 };

/** The editor: toolbar, palette, model tabs and canvas, inspector, problems and status. */
export function EditorView() {
  const palette = useUi((s) => s.palette);
  const inspector = useUi((s) => s.inspector);
  const problems = useUi((s) => s.problems);
  const summary = useUi((s) => s.summary);
  // The editor stays mounted under the Train view so the canvas keeps its viewport.
  const view = useTraining((s) => s.view);
  const training = view !== 'editor';
  return (
    <ReactFlowProvider>
      <div className="editor">
        <Toolbar />
        <ViewTabs />
        {view === 'train' && <TrainView />}
        {view === 'data' && <DataView />}
        <div className="editor-main" style={training ? { display: 'none' } : undefined}>
          {palette && (
            <SidePanel id="palette" title="layer palette" side="left" limits={PALETTE_SIZE}>
              <Palette />
            </SidePanel>
          )}
          <div className="editor-centre">
            <ModelTabs />
            <Canvas />
            {summary && (
              <SidePanel id="summary" title="summary" side="bottom" limits={BOTTOM_SIZE}>
                <SummaryPanel />
              </SidePanel>
            )}
            {problems && <ProblemsPanel />}
          </div>
          {inspector && (
            <SidePanel id="inspector" title="inspector" side="right" limits={INSPECTOR_SIZE}>
              <Inspector />
            </SidePanel>
          )}
        </div>
        <StatusBar />
      </div>
    </ReactFlowProvider>
  );
}
