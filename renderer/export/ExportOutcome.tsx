import type { ResponseOf } from '../../shared/api/contract.js';

interface Props {
  result: ResponseOf<'renderer:export.run'>;
  /** The user agreed to replace the earlier export in this folder. */
  onReplace: (outDir: string) => void;
  /** The user keeps the earlier export (and may pick another folder). */
  onKeep: () => void;
}

/**
 * What an export wrote, or why it could not, naming each layer the format cannot express; or the
 * question whether to replace an earlier export.
 */
export function ExportOutcome({ result, onReplace, onKeep }: Props) {
  if (result.status === 'cancelled') return <p className="muted">Export cancelled.</p>;
  if (result.status === 'confirm-replace') {
    return (
      <div className="export-confirm" role="alert" data-testid="export-confirm">
        <p>{result.message}</p>
        <p>Replace it? Its files are deleted and the new export takes their place.</p>
        <div className="export-confirm-actions">
          <button type="button" onClick={onKeep}>
            Keep it
          </button>
          <button type="button" className="primary" onClick={() => onReplace(result.outDir)}>
            Replace
          </button>
        </div>
      </div>
    );
  }
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
