/**
 * Pause, resume and stop requests for a running loop. The loop calls {@link RunControl.between}
 * after every batch, so a request takes effect within one batch.
 */
export class RunControl {
  private resumeGate?: { promise: Promise<void>; open: () => void };
  private stopReason?: string;

  get stopRequested(): string | undefined {
    return this.stopReason;
  }

  get paused(): boolean {
    return this.resumeGate !== undefined;
  }

  pause(): void {
    if (this.resumeGate || this.stopReason) return;
    let open = () => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.resumeGate = { promise, open };
  }

  resume(): void {
    this.resumeGate?.open();
    this.resumeGate = undefined;
  }

  stop(reason = 'Stopped by the user.'): void {
    this.stopReason ??= reason;
    this.resume();
  }

  /**
   * Lets queued messages (pause, stop) arrive, then waits while paused, telling the caller when
   * a pause starts and ends so it can report it and restart its throughput clock.
   */
  async between(onPause: () => void, onResume: () => void): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!this.resumeGate) return;
    onPause();
    while (this.resumeGate) await this.resumeGate.promise;
    if (!this.stopReason) onResume();
  }
}
