import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { downsample, type Point } from './downsample.js';

/**
 * Points drawn at most per line: about one per pixel of a dashboard chart (they are ~300–450 px
 * wide), since more cannot be seen and every point costs recharts time on each redraw.
 */
export const MAX_POINTS = 480;

/** One line of a chart. */
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
  points: Point[];
  /** The raw line under its smoothed one. */
  faint?: boolean;
  /** Validation figures. */
  dashed?: boolean;
}

interface Props {
  title: string;
  xLabel: string;
  series: ChartSeries[];
  logScale?: boolean;
  testId?: string;
}

const formatTick = (value: number) =>
  Math.abs(value) >= 1000 || (value !== 0 && Math.abs(value) < 0.001)
    ? value.toExponential(1)
    : Number(value.toPrecision(3)).toString();

const samePoints = (a: readonly Point[], b: readonly Point[]) =>
  a === b || (a.length === b.length && a.every((p, i) => p.x === b[i].x && p.y === b[i].y));

/**
 * Whether two series lists draw the same lines. Series are rebuilt on every store update, so
 * identity says little; comparing the (at most a few hundred) drawn points spares recharts a redraw of
 * the charts the update did not touch (the per-epoch ones, while batches stream in).
 */
function sameSeries(a: readonly ChartSeries[], b: readonly ChartSeries[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((s, i) => {
        const t = b[i];
        return (
          s.key === t.key &&
          s.name === t.name &&
          s.color === t.color &&
          s.faint === t.faint &&
          s.dashed === t.dashed &&
          samePoints(s.points, t.points)
        );
      }))
  );
}

const sameProps = (a: Props, b: Props) =>
  a.title === b.title &&
  a.xLabel === b.xLabel &&
  a.logScale === b.logScale &&
  a.testId === b.testId &&
  sameSeries(a.series, b.series);

/** A line chart of one figure over steps or epochs; each line downsampled for drawing only. */
export const MetricChart = memo(function MetricChart({
  title,
  xLabel,
  series,
  logScale = false,
  testId,
}: Props) {
  const drawn = useMemo(
    () =>
      series.map((s) => {
        const finite = s.points.filter((p) => Number.isFinite(p.y) && (!logScale || p.y > 0));
        return { ...s, points: downsample(finite, MAX_POINTS) };
      }),
    [series, logScale],
  );
  const empty = drawn.every((s) => s.points.length === 0);
  return (
    <figure
      className="metric-chart"
      data-testid={testId}
      data-points={drawn[0]?.points.length ?? 0}
    >
      <figcaption>{title}</figcaption>
      {empty ? (
        <div className="chart-empty muted">No points yet.</div>
      ) : (
        <ResponsiveContainer width="100%" height={190}>
          <LineChart margin={{ top: 6, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={['dataMin', 'dataMax']}
              allowDuplicatedCategory={false}
              allowDecimals={false}
              tickFormatter={formatTick}
              stroke="var(--muted)"
              fontSize={11}
              label={{ value: xLabel, position: 'insideBottomRight', offset: -2, fontSize: 10 }}
            />
            <YAxis
              scale={logScale ? 'log' : 'auto'}
              domain={['auto', 'auto']}
              allowDataOverflow={logScale}
              tickFormatter={formatTick}
              stroke="var(--muted)"
              fontSize={11}
              width={52}
            />
            <Tooltip
              formatter={(value) => (typeof value === 'number' ? value.toPrecision(4) : value)}
              labelFormatter={(x) => `${xLabel} ${x}`}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {drawn.map((s) => (
              <Line
                key={s.key}
                data={s.points}
                dataKey="y"
                name={s.name}
                stroke={s.color}
                strokeOpacity={s.faint ? 0.25 : 1}
                strokeDasharray={s.dashed ? '5 4' : undefined}
                strokeWidth={s.faint ? 1 : 1.8}
                dot={false}
                isAnimationActive={false}
                legendType={s.faint ? 'none' : 'line'}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}, sameProps);
