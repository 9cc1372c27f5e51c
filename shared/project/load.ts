import type { LoadIssue } from './issues.js';
import { checkDocumentSize, checkExpansion, checkTextSize } from './limits.js';
import { migrate, type RawDocument } from './migrations.js';
import { restoreProject } from './restore.js';
import { CURRENT_FORMAT_VERSION, type Project } from './schema.js';

/** A loaded project with what was repaired, or why the file cannot be opened. @public */
export type LoadResult =
  | {
      ok: true;
      project: Project;
      /** Broken items that were dropped so the rest could load. */
      repairs: LoadIssue[];
      /** The version the file was written in, when it was older and had to be migrated. */
      migratedFrom?: number;
    }
  | { ok: false; errors: LoadIssue[] };

const refuse = (path: string, message: string): LoadResult => ({
  ok: false,
  errors: [{ path, message }],
});

/** Parses, migrates and validates the text of a `.strata` file. Never throws on bad input. */
export function loadProject(text: string): LoadResult {
  const tooLarge = checkTextSize(text);
  if (tooLarge.length > 0) return { ok: false, errors: tooLarge };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return refuse('', `the file is not JSON: ${(error as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return refuse('', 'the file is not a Strata project: expected a JSON object');
  }
  const version = (doc as RawDocument).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(
      'formatVersion',
      'expected a positive whole number; is this a Strata project file?',
    );
  }
  if (version > CURRENT_FORMAT_VERSION) {
    return refuse(
      'formatVersion',
      `the file was saved by a newer Strata (format ${version}); this version reads formats up to ${CURRENT_FORMAT_VERSION}. Update Strata to open it.`,
    );
  }

  const { doc: current, applied } = migrate(doc as RawDocument, version, CURRENT_FORMAT_VERSION);
  const tooBig = checkDocumentSize(current);
  if (tooBig.length > 0) return { ok: false, errors: tooBig };
  const restored = restoreProject(current);
  if (!restored.ok) return restored;
  const tooDeep = checkExpansion(restored.project);
  if (tooDeep.length > 0) return { ok: false, errors: tooDeep };
  return applied.length > 0 ? { ...restored, migratedFrom: version } : restored;
}
