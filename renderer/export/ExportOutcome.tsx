import type { ResponseOf } from '../../shared/api/contract.js';

/** What an export wrote, or why it could not, naming each layer the format cannot express. */
export function ExportOutcome({ result }: { result: ResponseOf<'renderer:export.run'> }) {
  if (result.status === 'cancelled') return <p className="muted">Export cancelled.</p>;
  if (result.status === 'failed') {
    return (
      <div className="banner error" role="alert" data-testid="export-result">
        <p>{result.message}</p>
        {result.unsupported.length > 0 && (
          <ul>
            {result.unsupported.map((u) => (
              <li key={`${u.modelId}/${u.nodeId}`}>
                <strong>{u.nodeId}</strong> ({u.kind}): {u.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="export-result" data-testid="export-result">
      <p>Exported with {result.weights}.</p>
      {result.models.map((m) => (
        <div key={m.modelId}>
          <p>
            <strong>{m.modelId}</strong> → <code>{m.outDir}</code>
          </p>
          <ul className="export-files">
            {m.files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
          {m.notes.map((note) => (
            <p key={note} className="muted">
              {note}
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}
