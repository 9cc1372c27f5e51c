import type { TrainingEvent } from '../api/training-events.js';

/** Where a resumed run continues from, as the `started` event says. */
export type ResumedFrom = NonNullable<Extract<TrainingEvent, { type: 'started' }>['resumedFrom']>;

/**
 * What a resume did, in the words the CLI prints and the dashboard shows: where it continues
 * from, and each newer checkpoint it passed over with the reason.
 */
export function describeResume(from: ResumedFrom): { resumed: string; skipped: string[] } {
  const where =
    from.batch === undefined
      ? `after epoch ${from.epoch}`
      : `in epoch ${from.epoch + 1} after batch ${from.batch}`;
  const checkpoint = from.checkpoint ? ` (checkpoint ${from.checkpoint})` : '';
  return {
    resumed: `resuming ${where}${checkpoint}`,
    skipped: (from.skipped ?? []).map((s) => `skipped checkpoint ${s.checkpoint}: ${s.reason}`),
  };
}
