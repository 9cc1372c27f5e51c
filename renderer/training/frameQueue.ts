/** Runs `flush` soon; the result cancels it. */
export type Schedule = (flush: () => void) => () => void;

/** How long events may wait when no frame comes (a hidden window), in ms. */
const HIDDEN_DELAY_MS = 250;

/**
 * At the next animation frame, or after a short delay if frames stop (a hidden or minimised
 * window, where runs keep training and the charts must keep filling), whichever comes first.
 */
export const nextFrameOrSoon: Schedule = (flush) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, HIDDEN_DELAY_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/**
 * Collects items as they arrive and hands them over together, once per `schedule` (a frame):
 * a stream of hundreds of events a second then costs one store update and one redraw a frame,
 * not one per event.
 */
export function frameQueue<T>(
  flush: (items: T[]) => void,
  schedule: Schedule = nextFrameOrSoon,
): (item: T) => void {
  let items: T[] = [];
  let scheduled = false;
  return (item) => {
    items.push(item);
    if (scheduled) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      const taken = items;
      items = [];
      flush(taken);
    });
  };
}
