/// <reference lib="dom" />
// Code that runs inside the page: requestAnimationFrame timestamps, the frame clock itself.

declare global {
  interface Window {
    /** rAF timestamps collected while a measurement runs. */
    __frames?: number[];
    /** Which recording is current: a loop of an earlier one stops at its next frame. */
    __frameRecording?: number;
  }
}

/** Starts recording every requestAnimationFrame timestamp (ending any earlier recording). */
export function startFrames(): void {
  const frames: number[] = [];
  const recording = (window.__frameRecording ?? 0) + 1;
  window.__frames = frames;
  window.__frameRecording = recording;
  const tick = (t: number) => {
    // A stop flag would be cleared by a start within the same frame, leaving two loops alive
    // and every timestamp recorded twice; a recording number cannot be.
    if (window.__frameRecording !== recording) return;
    frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Stops recording and returns the timestamps. */
export function stopFrames(): number[] {
  window.__frameRecording = (window.__frameRecording ?? 0) + 1;
  return window.__frames ?? [];
}

/** Resolves at the next frame: the benchmark moves the mouse once per frame, like a real one. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
