import { useEffect, useState } from 'react';
import type { BlockDefinition, ModelGraph } from '../../shared/graph/document.js';
import { graphChange } from '../../shared/graph/graph-change.js';
import { useEditor } from '../store/editorStore.js';
import { openRunModel, runGraph } from './runEdits.js';
import { useTraining } from './trainingStore.js';
import './runs.css';

type Kept = { graph: ModelGraph; blocks: BlockDefinition[] } | 'none' | undefined;

/**
 * Under the dashboard: whether the run shown trained the model as it is now. A run keeps its own
 * graph, so export and tests use it either way; when they differ, its model opens as a new tab.
 */
export function RunGraphNote() {
  const runId = useTraining((s) => s.currentRunId);
  const status = useTraining((s) => s.history.find((r) => r.runId === runId)?.status);
  const models = useEditor((s) => s.doc.models);
  const blocks = useEditor((s) => s.doc.blocks);
  const [kept, setKept] = useState<Kept>();

  useEffect(() => {
    setKept(undefined);
    if (!runId || status === 'running') return;
    let live = true;
    runGraph(runId).then(
      (found) => {
        const graph = found?.project.models.find((m) => m.id === found.modelId);
        if (live) setKept(graph ? { graph, blocks: found!.project.blocks } : 'none');
      },
      () => live && setKept('none'),
    );
    return () => {
      live = false;
    };
  }, [runId, status]);

  if (!runId || !kept || kept === 'none') return null;
  const current = models.find((m) => m.id === kept.graph.id);
  const change = current
    ? graphChange(kept, { graph: current, blocks })
    : `model ${kept.graph.name} was removed`;
  if (!change) return null;
  return (
    <section className="dashboard-card run-graph-note" data-testid="run-graph-note" role="note">
      <span>
        This run trained an earlier version of the model ({change}). Its tests and exports use the
        model it trained.
      </span>
      <button type="button" onClick={() => openRunModel(runId, kept.graph, kept.blocks)}>
        Open this run&apos;s model as a new tab
      </button>
    </section>
  );
}
