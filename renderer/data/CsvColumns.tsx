import { useEffect, useState } from 'react';
import { api } from '../api/index.js';

export interface CsvChoice {
  target: string;
  /** Input columns; every column but the target when empty. */
  features: string[];
}

/** The CSV's first rows as a table: pick the target column and which columns are inputs. */
export function CsvColumns({
  project,
  file,
  choice,
  onChange,
}: {
  project: string;
  file: string;
  choice: CsvChoice;
  onChange: (choice: CsvChoice) => void;
}) {
  const [table, setTable] = useState<{ columns: string[]; rows: string[][] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setTable(null);
    setError(null);
    if (!file) return;
    const client = api();
    client['data.csvPreview']({ path: project, file })
      .then((reply) => {
        if (!live) return;
        if (reply.status === 'failed') setError(reply.error);
        else {
          setTable(reply);
          if (!reply.columns.includes(choice.target)) {
            onChange({ target: reply.columns.at(-1) ?? '', features: [] });
          }
        }
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // Reread only when the file changes; the choice is the user's.
  }, [project, file]);
  if (error)
    return (
      <p role="alert" className="setup-problems">
        {error}
      </p>
    );
  if (!table) return null;
  const inputs =
    choice.features.length > 0 ? choice.features : table.columns.filter((c) => c !== choice.target);
  const toggle = (column: string) => {
    const next = inputs.includes(column) ? inputs.filter((c) => c !== column) : [...inputs, column];
    onChange({ ...choice, features: next.filter((c) => c !== choice.target) });
  };
  return (
    <div className="data-csv" data-testid="csv-columns">
      <label>
        Target column{' '}
        <select
          aria-label="Target column"
          value={choice.target}
          onChange={(e) => onChange({ target: e.target.value, features: [] })}
        >
          {table.columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <table className="data-table" aria-label="CSV preview">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                <label>
                  <input
                    type="checkbox"
                    aria-label={`Use ${c} as an input`}
                    checked={c !== choice.target && inputs.includes(c)}
                    disabled={c === choice.target}
                    onChange={() => toggle(c)}
                  />{' '}
                  {c}
                  {c === choice.target && ' (target)'}
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
