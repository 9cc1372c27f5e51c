import type { ChartSeries } from './MetricChart.js';
import type { RunView } from './runState.js';
import type { LiveLines } from './liveSeries.js';

/** Line colours, one per run drawn. */
export const RUN_COLOURS = ['#3b6ef5', '#e38b12', '#0f9d7a', '#d6457a', '#8b5cf6', '#14a3c7'];

/** A run with its colour and a short name for legends. */
export interface DrawnRun {
  run: RunView;
  colour: string;
  label: string;
}

type BatchFigure = (point: RunView['batches'][number]) => number | undefined;

/**
 * Per-batch lines of one figure (named `name`): each run smoothed, and when a single run is
 * drawn its raw line faint underneath. `lines` keeps them from one update to the next, so a
 * long live run costs only its new points.
 */
export function batchSeries(
  runs: DrawnRun[],
  name: string,
  figure: BatchFigure,
  smoothing: number,
  lines: LiveLines,
): ChartSeries[] {
  return runs.flatMap(({ run, colour, label }) => {
    const line = lines.line(run.runId, name, figure, smoothing, run.batches);
    const series: ChartSeries[] = [];
    if (runs.length === 1 && smoothing > 0) {
      series.push({
        key: `${run.runId}-raw`,
        name: `${label} raw`,
        color: colour,
        points: line.raw,
        faint: true,
      });
    }
    series.push({
      key: run.runId,
      name: label,
      color: colour,
      points: smoothing > 0 ? line.smoothed : line.raw,
    });
    return series;
  });
}

/** Per-epoch lines of one figure: train solid, validation dashed, for each run. */
export function epochSeries(runs: DrawnRun[], metric: string): ChartSeries[] {
  return runs.flatMap(({ run, colour, label }) =>
    (['train', 'validation'] as const).flatMap((split) => {
      const points = run.epochs.flatMap((e) =>
        e[split][metric] === undefined ? [] : [{ x: e.epoch, y: e[split][metric] }],
      );
      if (points.length === 0) return [];
      return [
        {
          key: `${run.runId}-${split}`,
          name: `${label} ${split}`,
          color: colour,
          points,
          dashed: split === 'validation',
        },
      ];
    }),
  );
}

/** Every metric name the runs report per batch, and per epoch (loss first). */
export function metricNames(runs: DrawnRun[]): { batch: string[]; epoch: string[] } {
  const batch = new Set<string>();
  const epoch = new Set<string>(['loss']);
  for (const { run } of runs) {
    for (const b of run.batches.slice(-1)) Object.keys(b.metrics).forEach((k) => batch.add(k));
    for (const e of run.epochs.slice(-1)) {
      [...Object.keys(e.train), ...Object.keys(e.validation)].forEach((k) => epoch.add(k));
    }
  }
  return { batch: [...batch], epoch: [...epoch] };
}
