import type { DatasetPreview } from '../../shared/api/data-channels.js';
import { formatShape } from '../../shared/layers/shape.js';
import { PixelCanvas } from '../dashboard/PixelCanvas.js';

const count = (n: number) => n.toLocaleString('en-US');

/** Bars of examples per class, the test files' counts beside them. */
function Histogram({ preview }: { preview: DatasetPreview }) {
  const { classNames = [], histogram = [], testHistogram } = preview;
  const top = Math.max(1, ...histogram, ...(testHistogram ?? []));
  return (
    <table className="data-histogram" aria-label="Examples per class">
      <tbody>
        {classNames.map((name, i) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>
              <span className="data-bar" style={{ width: `${(histogram[i] / top) * 100}%` }} />
            </td>
            <td>{count(histogram[i] ?? 0)}</td>
            {testHistogram && <td className="muted">test {count(testHistogram[i] ?? 0)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What opening a dataset found: shape and dtype, counts, classes, examples and problems. */
export function DataPreview({ preview }: { preview: DatasetPreview }) {
  const { summary, splits } = preview;
  const target =
    summary.target.kind === 'classes'
      ? `${summary.target.classes} classes`
      : summary.target.kind === 'values'
        ? `values ${formatShape(summary.target.shape)}`
        : `next token of ${count(summary.target.vocabulary)}`;
  return (
    <section className="data-preview" data-testid="data-preview" aria-label="Dataset preview">
      <p data-testid="data-shape">
        Input <strong>{formatShape(summary.inputShape)}</strong> {summary.inputDtype} · {target}
      </p>
      <p data-testid="data-counts">
        {count(summary.examples)} examples
        {summary.testExamples !== undefined &&
          ` + ${count(summary.testExamples)} in the test files`}{' '}
        (train {count(splits.train)}, validation {count(splits.validation)}, test{' '}
        {count(splits.test)})
      </p>
      {preview.problems.length > 0 && (
        <ul className="setup-problems" data-testid="data-problems">
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {preview.histogram && <Histogram preview={preview} />}
      <ul className="data-examples" aria-label="Examples">
        {preview.examples.map((example, i) => (
          <li key={i} className="data-example" data-testid="data-example">
            {example.image && (
              <PixelCanvas pixels={example.image} size={56} label={`example ${i + 1}`} />
            )}
            {example.text !== undefined && <code>{example.text}</code>}
            {example.values && (
              <code>{example.values.map((v) => Number(v.toPrecision(4))).join(', ')}</code>
            )}
            <span className="data-label">{example.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
