import type { Inspection } from '../../shared/api/inspection.js';
import { PixelCanvas } from '../dashboard/PixelCanvas.js';
import { heatmap } from './inputModes.js';

const figure = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));

/** A node's output for one example: feature maps or attention heads, then its histogram. */
export function InsightView({ insight }: { insight: Inspection }) {
  const { detail, histogram } = insight;
  const peak = Math.max(...histogram.counts, 1);
  return (
    <div className="insight" data-testid="insight-result">
      {detail.kind === 'feature-maps' && (
        <>
          <p className="muted">
            {detail.maps.length} of {detail.channels} feature maps, each on its own scale
          </p>
          <div className="feature-maps" data-testid="feature-maps">
            {detail.maps.map((map, i) => (
              <PixelCanvas key={i} pixels={map} size={44} label={`channel ${i + 1}`} />
            ))}
          </div>
        </>
      )}
      {detail.kind === 'attention' && (
        <>
          <p className="muted">
            Attention per head (row: query step, column: key step
            {detail.causal ? '; causal' : ''})
          </p>
          <div className="attention-heads" data-testid="attention-heads">
            {detail.weights.map((head, h) => (
              <figure key={h}>
                <PixelCanvas
                  pixels={heatmap(head)}
                  size={112}
                  label={`attention of head ${h + 1}`}
                />
                <figcaption className="muted">head {h + 1}</figcaption>
              </figure>
            ))}
          </div>
        </>
      )}
      <div className="histogram" role="img" aria-label="Histogram of the output values">
        {histogram.counts.map((count, i) => (
          <span
            key={i}
            className="histogram-bar"
            style={{ height: `${(count / peak) * 100}%` }}
            title={`${figure(histogram.edges[i])} to ${figure(histogram.edges[i + 1])}: ${count}`}
          />
        ))}
      </div>
      <dl className="inspector-facts">
        <dt>Range</dt>
        <dd>
          {figure(histogram.min)} to {figure(histogram.max)}
        </dd>
        <dt>Mean</dt>
        <dd>{figure(histogram.mean)}</dd>
        <dt>Zeros</dt>
        <dd>{(histogram.zeros * 100).toFixed(0)}%</dd>
        <dt>Shape</dt>
        <dd>{insight.shape.join('×')}</dd>
      </dl>
    </div>
  );
}
