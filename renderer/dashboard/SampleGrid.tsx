import { memo } from 'react';
import { PixelCanvas } from './PixelCanvas.js';
import type { RunView } from './runState.js';

/** Validation examples with their label and the model's guess; wrong guesses are marked. */
export const SampleGrid = memo(function SampleGrid({
  predictions,
}: {
  predictions: NonNullable<RunView['predictions']>;
}) {
  const wrong = predictions.samples.filter((s) => !s.correct).length;
  return (
    <section className="dashboard-card" data-testid="sample-predictions">
      <h3>
        Sample predictions · epoch {predictions.epoch}{' '}
        <span className="muted">
          ({wrong} of {predictions.samples.length} wrong)
        </span>
      </h3>
      <div className="sample-grid">
        {predictions.samples.map((sample, i) => (
          <figure
            key={i}
            className={sample.correct ? 'sample' : 'sample wrong'}
            data-correct={sample.correct}
          >
            {typeof sample.input === 'string' ? (
              <blockquote className="sample-text">{sample.input}</blockquote>
            ) : (
              <PixelCanvas pixels={sample.input} label={`example labelled ${sample.label}`} />
            )}
            <figcaption>
              {sample.correct ? '✓' : '✗'} {sample.predicted}
              {!sample.correct && <span className="muted"> (is {sample.label})</span>}
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
});
