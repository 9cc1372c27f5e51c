import { useEffect, useState } from 'react';
import { graphChange } from '../../shared/graph/graph-change.js';
import { useEditor } from '../store/editorStore.js';
import { runGraph } from '../training/runEdits.js';

/**
 * Under the Weights choice: when the run trained another version of the model than the one in
 * the editor, the export writes the run's version, and says so.
 */
export function RunGraphHint({ runId }: { runId: string }) {
  const models = useEditor((s) => s.doc.models);
  const blocks = useEditor((s) => s.doc.blocks);
  const [change, setChange] = useState<string>();

  useEffect(() => {
    setChange(undefined);
    if (!runId) return;
    let live = true;
    runGraph(runId).then(
      (found) => {
        const graph = found?.project.models.find((m) => m.id === found.modelId);
        if (!live || !found || !graph) return;
        const current = models.find((m) => m.id === graph.id);
        setChange(
          current
            ? graphChange({ graph, blocks: found.project.blocks }, { graph: current, blocks })
            : `model ${graph.name} was removed`,
        );
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [runId, models, blocks]);

  if (!change) return null;
  return (
    <p className="setup-note muted" data-testid="export-run-graph" role="note">
      This run trained an earlier version of the model ({change}); the export writes the model it
      trained, with its weights.
    </p>
  );
}
