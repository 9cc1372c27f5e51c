import { useMemo, useState } from 'react';
import { trainingStore, useTraining } from '../training/trainingStore.js';
import {
  batchSeries,
  epochSeries,
  metricNames,
  RUN_COLOURS,
  type DrawnRun,
} from './chartSeries.js';
import { ConfusionMatrix } from './ConfusionMatrix.js';
import { GeneratedPanel } from './GeneratedPanel.js';
import { LiveLines } from './liveSeries.js';
import { MAX_POINTS, MetricChart } from './MetricChart.js';
import { ProgressPanel } from './ProgressPanel.js';
import { SampleGrid } from './SampleGrid.js';
import { useThrottled } from './useThrottled.js';

/**
 * How often the charts may redraw while events stream. A redraw of every chart costs more than
 * a frame, and at 100,000 points a new batch moves a line by a fraction of a pixel: ten redraws
 * a second look live and leave the other frames to the rest of the page.
 */
const CHART_REFRESH_MS = 100;

/** The live charts of the current run, with any past runs overlaid, and its insights. */
export function Dashboard() {
  const currentRunId = useTraining((s) => s.currentRunId);
  const overlay = useTraining((s) => s.overlay);
  const liveRuns = useTraining((s) => s.runs);
  const runs = useThrottled(liveRuns, CHART_REFRESH_MS);
  const smoothing = useTraining((s) => s.smoothing);
  const logScale = useTraining((s) => s.logScale);
  // Per-batch lines survive renders: each store update then costs its new points only.
  const [lines] = useState(() => new LiveLines(MAX_POINTS));

  const drawn = useMemo<DrawnRun[]>(() => {
    const ids = [currentRunId, ...overlay].filter((id): id is string => id !== null);
    return ids.flatMap((id, i) => {
      const run = runs[id];
      const label = i === 0 ? 'this run' : id.slice(11, 19).replaceAll('-', ':');
      return run ? [{ run, colour: RUN_COLOURS[i % RUN_COLOURS.length], label }] : [];
    });
  }, [currentRunId, overlay, runs]);

  const charts = useMemo(() => {
    const names = metricNames(drawn);
    const charts = [
      {
        title: 'Loss per batch',
        x: 'step',
        testId: 'chart-loss',
        series: batchSeries(drawn, 'loss', (b) => b.loss, smoothing, lines),
      },
      ...names.batch.map((m) => ({
        title: `${m} per batch`,
        x: 'step',
        testId: `chart-batch-${m}`,
        series: batchSeries(drawn, `metric ${m}`, (b) => b.metrics[m], smoothing, lines),
      })),
      ...names.epoch.map((m) => ({
        title: `${m} per epoch`,
        x: 'epoch',
        testId: `chart-epoch-${m}`,
        series: epochSeries(drawn, m),
      })),
      {
        title: 'Learning rate',
        x: 'step',
        testId: 'chart-learning-rate',
        series: batchSeries(drawn, 'learning rate', (b) => b.learningRate, 0, lines),
      },
      {
        title: 'Samples per second',
        x: 'step',
        testId: 'chart-throughput',
        series: batchSeries(drawn, 'samples/s', (b) => b.samplesPerSecond, smoothing, lines),
      },
    ];
    lines.prune();
    return charts;
  }, [drawn, smoothing, lines]);

  const current = currentRunId === null ? undefined : liveRuns[currentRunId];
  if (!current) {
    return (
      <div className="dashboard empty-note" data-testid="dashboard">
        No run yet: set up the recipe and press Train, or pick a past run.
      </div>
    );
  }
  return (
    <div className="dashboard" data-testid="dashboard">
      <ProgressPanel run={current} />
      {current.status === 'failed' && (
        <div className="banner error" role="alert" data-testid="run-error">
          Training failed: {current.reason}
        </div>
      )}
      <div className="chart-options">
        <label>
          Smoothing{' '}
          <input
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={smoothing}
            aria-label="Smoothing"
            onChange={(e) => trainingStore.getState().set({ smoothing: Number(e.target.value) })}
          />{' '}
          {smoothing.toFixed(2)}
        </label>
        <label>
          <input
            type="checkbox"
            checked={logScale}
            onChange={(e) => trainingStore.getState().set({ logScale: e.target.checked })}
          />{' '}
          Log scale
        </label>
      </div>
      <div className="chart-grid">
        {charts.map((c) => (
          <MetricChart
            key={c.testId}
            title={c.title}
            xLabel={c.x}
            series={c.series}
            logScale={logScale}
            testId={c.testId}
          />
        ))}
      </div>
      <div className="insight-grid">
        {current.confusion && <ConfusionMatrix confusion={current.confusion} />}
        {current.predictions && <SampleGrid predictions={current.predictions} />}
        {current.generated && <GeneratedPanel generated={current.generated} />}
      </div>
    </div>
  );
}
