import { downsample, type Point } from './downsample.js';
import type { BatchPoint } from './runState.js';
import { emaExtend, freshEma, type EmaState } from './smoothing.js';

/**
 * A downsampled view of a series that only grows: the LTTB of the whole series is redone once
 * the points added since exceed a bucket's worth; until then they are drawn as they are after
 * it. Each new point costs about `max` steps however long the series, instead of the series'
 * length on every update.
 */
export class GrowingThinner {
  private base = 0;
  private sampled: Point[] = [];

  constructor(private readonly max: number) {}

  /** What to draw of `points`, which extends the series passed last time (or is shorter: anew). */
  update(points: readonly Point[]): Point[] {
    if (points.length <= this.max) {
      this.base = 0;
      return points.slice();
    }
    const added = points.length - this.base;
    if (this.base === 0 || added < 0 || added > this.base / this.max) {
      this.base = points.length;
      this.sampled = downsample(points, this.max);
      return this.sampled.slice();
    }
    return this.sampled.concat(points.slice(this.base));
  }
}

/** One figure of a run's batches, raw and smoothed, thinned for drawing. */
export interface LiveLineView {
  raw: Point[];
  smoothed: Point[];
}

/**
 * One figure's line of one live run, kept up to date point by point: each update reads only the
 * batches added since the last one (a run's batch list only grows; when it was replaced, the
 * line starts over), extends the smoothing, and thins both lines for drawing.
 */
export class LiveLine {
  private seen = 0;
  private lastSeen: BatchPoint | undefined;
  private raw: Point[] = [];
  private smoothed: Point[] = [];
  private ema: EmaState = freshEma();
  private view: LiveLineView = { raw: [], smoothed: [] };
  private readonly thinRaw: GrowingThinner;
  private readonly thinSmoothed: GrowingThinner;

  constructor(
    private readonly figure: (point: BatchPoint) => number | undefined,
    private readonly smoothing: number,
    max: number,
  ) {
    this.thinRaw = new GrowingThinner(max);
    this.thinSmoothed = new GrowingThinner(max);
  }

  /** The line for `batches`; the same object as last time when nothing was added. */
  update(batches: readonly BatchPoint[]): LiveLineView {
    const extends_ =
      batches.length >= this.seen && (this.seen === 0 || batches[this.seen - 1] === this.lastSeen);
    if (!extends_) this.reset();
    if (batches.length === this.seen) return this.view;
    const added: Point[] = [];
    for (let i = this.seen; i < batches.length; i++) {
      const y = this.figure(batches[i]);
      if (y !== undefined) added.push({ x: batches[i].step, y });
    }
    this.seen = batches.length;
    this.lastSeen = batches.at(-1);
    if (added.length === 0) return this.view;
    const ys = emaExtend(
      this.ema,
      added.map((p) => p.y),
      this.smoothing,
    );
    // A loop, not push(...added): a whole log arrives at once and would overflow the stack.
    for (let i = 0; i < added.length; i++) {
      this.raw.push(added[i]);
      this.smoothed.push({ x: added[i].x, y: ys[i] });
    }
    this.view = {
      raw: this.thinRaw.update(this.raw),
      smoothed: this.smoothing > 0 ? this.thinSmoothed.update(this.smoothed) : [],
    };
    return this.view;
  }

  private reset() {
    this.seen = 0;
    this.lastSeen = undefined;
    this.raw = [];
    this.smoothed = [];
    this.ema = freshEma();
    this.view = { raw: [], smoothed: [] };
  }
}

/**
 * The live lines of a dashboard, by run, figure and smoothing. Lines not asked for between two
 * `prune` calls (a closed run, a changed smoothing) are dropped.
 */
export class LiveLines {
  private lines = new Map<string, LiveLine>();
  private used = new Set<string>();

  constructor(private readonly max: number) {}

  /** The current line of `figure` (named `name`) over `batches` of run `runId`. */
  line(
    runId: string,
    name: string,
    figure: (point: BatchPoint) => number | undefined,
    smoothing: number,
    batches: readonly BatchPoint[],
  ): LiveLineView {
    const key = JSON.stringify([runId, name, smoothing]);
    this.used.add(key);
    let line = this.lines.get(key);
    if (!line) {
      line = new LiveLine(figure, smoothing, this.max);
      this.lines.set(key, line);
    }
    return line.update(batches);
  }

  /** Forgets the lines not asked for since the last prune. */
  prune(): void {
    for (const key of this.lines.keys()) if (!this.used.has(key)) this.lines.delete(key);
    this.used.clear();
  }
}
