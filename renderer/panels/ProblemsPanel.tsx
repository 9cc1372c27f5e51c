import { DiagnosticItem } from '../inspector/DiagnosticItem.js';
import { useEditor } from '../store/editorStore.js';
import { focusDiagnostic } from './focusDiagnostic.js';

/** Every diagnostic of the model on screen; clicking one selects its culprit. */
export function ProblemsPanel() {
  const diagnostics = useEditor((s) => s.analysis.diagnostics);
  return (
    <section className="problems" aria-label="Problems">
      <div className="panel-heading">Problems ({diagnostics.length})</div>
      {diagnostics.length === 0 ? (
        <p className="empty-note">No problems found.</p>
      ) : (
        <ul className="problem-list">
          {diagnostics.map((d, i) => (
            <DiagnosticItem key={i} diagnostic={d} onSelect={() => focusDiagnostic(d)} />
          ))}
        </ul>
      )}
    </section>
  );
}
