/**
 * Seconds until `total` steps are done at the pace so far (`done` steps in `activeSeconds` of
 * training, pauses excluded); undefined until there is a pace to go by.
 */
export function secondsLeft(
  done: number,
  total: number,
  activeSeconds: number,
): number | undefined {
  if (done <= 0 || activeSeconds <= 0 || total <= 0) return undefined;
  return (Math.max(0, total - done) * activeSeconds) / done;
}

/** `1 h 05 min`, `3 min 20 s`, `42 s`: coarse enough to read at a glance. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}
