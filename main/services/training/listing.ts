import type { RunListingView } from '../../../shared/api/contract.js';
import type { RunListing } from '../runs/runs.js';

/** A run as the renderer's run list shows it: settings and final figures, no folder paths. */
export function listingView(run: RunListing): RunListingView {
  const { summary } = run;
  return {
    runId: run.runId,
    startedAt: run.startedAt,
    dataset: run.dataset,
    ...(run.backend === undefined ? {} : { backend: run.backend }),
    settings: run.settings as unknown as Record<string, unknown>,
    status: run.status,
    meta: run.meta,
    ...(summary
      ? {
          endedAt: summary.endedAt,
          ...(summary.reason === undefined ? {} : { reason: summary.reason }),
          epochs: summary.epochs,
          steps: summary.steps,
          train: summary.train,
          validation: summary.validation,
          ...(summary.test ? { test: summary.test } : {}),
        }
      : {}),
  };
}
