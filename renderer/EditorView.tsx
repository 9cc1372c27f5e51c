import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.js';
import { Inspector } from './inspector/Inspector.js';
import { Palette } from './palette/Palette.js';
import { ModelTabs } from './panels/ModelTabs.js';
import { ProblemsPanel } from './panels/ProblemsPanel.js';
import { StatusBar } from './panels/StatusBar.js';
import { Toolbar } from './panels/Toolbar.js';
import { useUi } from './store/uiStore.js';

/** The editor: toolbar, palette, model tabs and canvas, inspector, problems and status. */
export function EditorView() {
  const palette = useUi((s) => s.palette);
  const inspector = useUi((s) => s.inspector);
  const problems = useUi((s) => s.problems);
  return (
    <ReactFlowProvider>
      <div className="editor">
        <Toolbar />
        <div className="editor-main">
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
