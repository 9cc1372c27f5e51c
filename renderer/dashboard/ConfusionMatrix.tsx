import { memo } from 'react';
import type { RunView } from './runState.js';

/** Counts of actual (rows) against predicted (columns) classes; shade by share of the row. */
export const ConfusionMatrix = memo(function ConfusionMatrix({
  confusion,
}: {
  confusion: NonNullable<RunView['confusion']>;
}) {
  const { labels, matrix, epoch } = confusion;
  return (
    <section className="dashboard-card" data-testid="confusion-matrix">
      <h3>Confusion matrix · epoch {epoch}</h3>
      <table className="confusion">
        <thead>
          <tr>
            <th className="muted">actual ↓ predicted →</th>
            {labels.map((l) => (
              <th key={l}>{l}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, actual) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={labels[actual]}>
                <th>{labels[actual]}</th>
                {row.map((count, predicted) => {
                  const share = count / total;
                  const hue = actual === predicted ? 'var(--accent)' : 'var(--error)';
                  return (
                    <td
                      key={predicted}
                      title={`${count} × ${labels[actual]} predicted as ${labels[predicted]}`}
                      style={{
                        background: `color-mix(in srgb, ${hue} ${Math.round(share * 85)}%, transparent)`,
                      }}
                    >
                      {count}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});
