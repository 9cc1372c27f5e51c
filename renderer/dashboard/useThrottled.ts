import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once every `intervalMs`: the latest value is shown when the
 * interval is up, never dropped. For drawings that cost more than a frame to redo and change
 * by less than a pixel a frame (a long run's charts), so the rest of the page keeps its frames.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const show = () => {
      shownAt.current = performance.now();
      setShown(() => value);
    };
    const wait = shownAt.current + intervalMs - performance.now();
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
