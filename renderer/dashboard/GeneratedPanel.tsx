import { memo } from 'react';
import { PixelCanvas } from './PixelCanvas.js';
import type { RunView } from './runState.js';

/** What a generative model made at the end of an epoch: reconstructions, GAN samples from fixed noise, or text. */
export const GeneratedPanel = memo(function GeneratedPanel({
  generated,
}: {
  generated: NonNullable<RunView['generated']>;
}) {
  return (
    <section className="dashboard-card" data-testid="generated-samples">
      <h3>Generated · epoch {generated.epoch}</h3>
      {generated.images && (
        <div className="sample-grid">
          {generated.images.map((image, i) => (
            <PixelCanvas key={i} pixels={image} label={`generated sample ${i + 1}`} />
          ))}
        </div>
      )}
      {generated.text !== undefined && <pre className="generated-text">{generated.text}</pre>}
    </section>
  );
});
