/** One optimizer step's figures, before coalescing. */
export interface BatchFigures {
  loss: number;
  metrics: Record<string, number>;
  samples: number;
}

/** The mean of the batches folded since the last flush. */
export interface CoalescedBatches {
  batches: number;
  loss: number;
  metrics: Record<string, number>;
  samplesPerSecond: number;
}

/**
 * Folds per-batch figures into at most one event per `intervalMs`, so a fast model does not
 * drown the IPC channel and the charts: the stream's cost stays independent of batch rate.
 */
export class BatchCoalescer {
  private batches = 0;
  private loss = 0;
  private samples = 0;
  private metrics: Record<string, number> = {};
  private since: number;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.since = now();
  }

  /** Adds a batch; returns the coalesced figures when an event is due. */
  add(figures: BatchFigures): CoalescedBatches | undefined {
    this.batches += 1;
    this.loss += figures.loss;
    this.samples += figures.samples;
    for (const [name, value] of Object.entries(figures.metrics)) {
      this.metrics[name] = (this.metrics[name] ?? 0) + value;
    }
    return this.now() - this.since >= this.intervalMs ? this.flush() : undefined;
  }

  /** Emits whatever has accumulated (at the end of an epoch), or nothing if empty. */
  flush(): CoalescedBatches | undefined {
    if (this.batches === 0) return undefined;
    const now = this.now();
    const seconds = Math.max(1e-9, (now - this.since) / 1000);
    const n = this.batches;
    const result: CoalescedBatches = {
      batches: n,
      loss: this.loss / n,
      metrics: Object.fromEntries(Object.entries(this.metrics).map(([k, v]) => [k, v / n])),
      samplesPerSecond: this.samples / seconds,
    };
    this.batches = 0;
    this.loss = 0;
    this.samples = 0;
    this.metrics = {};
    this.since = now;
    return result;
  }

  /** Restarts the clock, e.g. after a pause, so the pause does not count against throughput. */
  restartClock(): void {
    this.since = this.now();
  }
}
