import { z } from 'zod';

/** Messages that look after a project's runs. Part of the contract (contract.ts), kept apart for size. */

/** The longest run name and note: a name fits a list row, a note a paragraph or two. */
export const RUN_NAME_MAX = 120;
export const RUN_NOTE_MAX = 4000;

const runRef = z.object({
  /** The saved project; its runs live beside it. */
  path: z.string().min(1),
  runId: z.string().min(1),
});

/** Renames, annotates or stars a run; an empty name or note removes it. */
export const runsUpdateRequest = runRef.extend({
  name: z.string().max(RUN_NAME_MAX).optional(),
  note: z.string().max(RUN_NOTE_MAX).optional(),
  starred: z.boolean().optional(),
});

/** A run's name, note and star as saved. */
export const runMeta = z.object({
  name: z.string().optional(),
  note: z.string().optional(),
  starred: z.boolean().optional(),
});

/** Deletes a run's folder (weights, log, checkpoints); the app asks first. */
export const runsDeleteRequest = runRef;

/** The project a run trained, as a document, to compare with or copy from. */
export const runsSnapshotRequest = runRef;
export const runsSnapshotResult = z.object({
  /** Absent for runs made before runs kept their graph. */
  document: z.record(z.string(), z.unknown()).optional(),
});
