import { useEffect, useState } from 'react';
import type { Inspection } from '../../shared/api/inspection.js';
import { api } from '../api/index.js';
import { useEditor } from '../store/editorStore.js';
import { InsightView } from './InsightView.js';
import { useTrainedRun } from './useTrainedRun.js';
import './inspection.css';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The inspector's look inside a trained layer: its output for one validation example. */
export function InsightSection({ nodeId }: { nodeId: string }) {
  const path = useEditor((s) => s.path);
  const run = useTrainedRun();
  const [index, setIndex] = useState(0);
  const [insight, setInsight] = useState<Inspection>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const runId = run?.runId;

  useEffect(() => {
    setInsight(undefined);
    setError(undefined);
  }, [nodeId, runId]);

  const show = async () => {
    if (!path || !runId) return;
    setBusy(true);
    setError(undefined);
    try {
      const input = { kind: 'example' as const, index };
      setInsight(await api()['model.inspect']({ path, runId, nodeId, input }));
    } catch (e) {
      setInsight(undefined);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="insight-section" data-testid="insight" aria-label="Insight">
      <h3 className="param-label">Insight</h3>
      {!run || !path ? (
        <p className="inspector-docs">
          Open a finished run in the Train view to see what this layer computes.
        </p>
      ) : (
        <>
          <form className="insight-controls" onSubmit={(e) => (e.preventDefault(), void show())}>
            <label>
              Validation example{' '}
              <input
                type="number"
                min={0}
                value={index}
                onChange={(e) => setIndex(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
              />
            </label>
            <button type="submit" disabled={busy}>
              Show
            </button>
          </form>
          {error && (
            <p className="run-error" role="alert">
              {error}
            </p>
          )}
          {insight && (
            <>
              <p className="muted">
                Run {runId}
                {insight.input.label === undefined
                  ? ''
                  : ` · example labelled ${insight.input.label}`}
              </p>
              <InsightView insight={insight} />
            </>
          )}
        </>
      )}
    </section>
  );
}
