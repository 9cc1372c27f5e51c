import type { Diagnostic } from '../../shared/graph/diagnostics.js';

/** A problem, its fix, and its severity; clicking runs `onSelect` when given. */
export function DiagnosticItem({
  diagnostic,
  onSelect,
}: {
  diagnostic: Diagnostic;
  onSelect?: () => void;
}) {
  const body = (
    <>
      <span className={`severity ${diagnostic.severity}`} aria-label={diagnostic.severity}>
        {diagnostic.severity === 'error' ? '●' : '▲'}
      </span>
      <span className="diagnostic-text">
        <span className="diagnostic-message">{diagnostic.message}</span>
        <span className="diagnostic-hint">{diagnostic.hint}</span>
      </span>
    </>
  );
  return (
    <li className={`diagnostic ${diagnostic.severity}`}>
      {onSelect ? (
        <button type="button" className="diagnostic-button" onClick={onSelect}>
          {body}
        </button>
      ) : (
        body
      )}
    </li>
  );
}
