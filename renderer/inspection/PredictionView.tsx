import type { Prediction } from '../../shared/api/inspection.js';
import { PixelCanvas } from '../dashboard/PixelCanvas.js';

/** Classes shown with bars; the rest share the last bar as "others". */
const TOP = 5;

/** A model's answer: top classes with bars, values, a reconstruction, or continued text. */
export function PredictionView({ prediction }: { prediction: Prediction }) {
  const { input, output } = prediction;
  return (
    <div className="prediction" data-testid="prediction">
      <figure className="prediction-input">
        {typeof input.shown === 'string' ? (
          <blockquote className="sample-text">{input.shown}</blockquote>
        ) : Array.isArray(input.shown) ? (
          <code>{input.shown.map((v) => v.toFixed(2)).join(', ')}</code>
        ) : (
          <PixelCanvas pixels={input.shown} size={84} label="what the model saw" />
        )}
        <figcaption className="muted">
          What the model saw{input.label === undefined ? '' : ` · labelled ${input.label}`}
        </figcaption>
      </figure>
      {output.kind === 'classes' && (
        <ol className="class-bars" aria-label="Most probable classes">
          {output.classes.slice(0, TOP).map((c, i) => (
            <li key={c.label} data-testid={i === 0 ? 'prediction-top' : undefined}>
              <span className="class-label">{c.label}</span>
              <span className="class-bar">
                <span className="class-fill" style={{ width: `${c.probability * 100}%` }} />
              </span>
              <span className="class-value">{(c.probability * 100).toFixed(1)}%</span>
            </li>
          ))}
        </ol>
      )}
      {output.kind === 'values' && (
        <p>
          Predicted value{output.values.length === 1 ? '' : 's'}:{' '}
          <code>{output.values.map((v) => v.toPrecision(4)).join(', ')}</code>
        </p>
      )}
      {output.kind === 'image' && (
        <figure>
          <PixelCanvas pixels={output.image} size={84} label="the model's reconstruction" />
          <figcaption className="muted">Reconstruction</figcaption>
        </figure>
      )}
      {output.kind === 'text' && (
        <blockquote className="sample-text generated-text">
          <span className="muted">{output.prompt}</span>
          <strong>{output.continuation}</strong>
        </blockquote>
      )}
    </div>
  );
}
