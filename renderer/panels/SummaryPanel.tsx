import { useMemo } from 'react';
import { analyzeModel } from '../../shared/graph/analyze.js';
import { summaryRows, type SummaryRow } from '../../shared/graph/summary.js';
import { focusNode } from './focusDiagnostic.js';
import { editorStore, useEditor } from '../store/editorStore.js';

const number = (n: number | undefined) => (n === undefined ? '?' : n.toLocaleString());

/** Every model's layer table, as `strata summary` prints it; a row click selects its layer. */
export function SummaryPanel() {
  const doc = useEditor((s) => s.doc);
  const activeId = useEditor((s) => s.activeModelId);
  const activeAnalysis = useEditor((s) => s.analysis);
  const selected = useEditor((s) => s.selection.nodes);
  const tables = useMemo(
    () =>
      doc.models.map((model) => {
        // The model on screen is analysed already; the others only when this view is open.
        const analysis =
          model.id === activeId ? activeAnalysis : analyzeModel(model, { blocks: doc.blocks });
        return { model, rows: summaryRows(model, analysis, doc.blocks), totals: analysis.totals };
      }),
    [doc.models, doc.blocks, activeId, activeAnalysis],
  );
  const chosen = new Set(selected);

  const select = (modelId: string, row: SummaryRow) => {
    const store = editorStore.getState();
    if (store.activeModelId !== modelId) store.setActiveModel(modelId);
    focusNode(row.nodeId);
  };

  return (
    <section className="summary" aria-label="Summary">
      <div className="panel-heading">Summary</div>
      {tables.map(({ model, rows, totals }) => (
        <table key={model.id} className="summary-table" aria-label={`Summary of ${model.name}`}>
          <caption>
            {model.name}: {number(totals.trainable + totals.nonTrainable)} params (
            {number(totals.trainable)} trainable), {number(totals.macs)} MACs per example
          </caption>
          <thead>
            <tr>
              <th scope="col">Layer (type)</th>
              <th scope="col">Output shape</th>
              <th scope="col">Param #</th>
              <th scope="col">MACs</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.nodeId}
                className={model.id === activeId && chosen.has(row.nodeId) ? 'selected' : ''}
                aria-selected={model.id === activeId && chosen.has(row.nodeId)}
                tabIndex={0}
                onClick={() => select(model.id, row)}
                onKeyDown={(e) => e.key === 'Enter' && select(model.id, row)}
              >
                <th scope="row">
                  {row.name}
                  {row.name !== row.type && <span className="muted"> ({row.type})</span>}
                </th>
                <td className="mono">{row.shape}</td>
                <td className="num">{number(row.params)}</td>
                <td className="num">{number(row.macs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
