import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { replaceFolder, siblingPath } from '../services/storage/atomic-folder.js';
import { formatLabel } from './formats.js';
import {
  listFiles,
  MANIFEST_FILE,
  readManifest,
  SYSTEM_FILES,
  type ExportManifest,
} from './manifest.js';

/**
 * Where an export may go. The rule, the same in the CLI, the app and `strata serve`: the folder
 * is absent or empty, or it is an earlier Strata export (it has a `strata-export.json` and holds
 * only the files that lists) and the user agreed to replace it. Anything else is refused, so an
 * export never deletes what Strata did not write.
 */
export type Destination =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'export'; manifest: ExportManifest }
  /** Files Strata did not write (relative paths, at most a few), and whether it is an old export. */
  | { kind: 'foreign'; files: string[]; more: number; earlierExport: boolean }
  | { kind: 'file' };

/** Why an export cannot go to a folder as things stand. */
export type DestinationProblem = Exclude<Destination, { kind: 'absent' | 'empty' }> & {
  /** True when only the user's agreement is missing (an earlier export, not yet confirmed). */
  needsConfirmation: boolean;
};

const NAMED = 4;

/** What the folder at `dir` is, as far as exporting into it goes. */
export async function inspectDestination(dir: string): Promise<Destination> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  if (!isFolder) return { kind: 'file' };
  const top = (await readdir(dir, { withFileTypes: true })).filter(
    (e) => e.isDirectory() || !SYSTEM_FILES.has(e.name),
  );
  if (top.length === 0) return { kind: 'empty' };
  const manifest = await readManifest(dir);
  // Only an earlier export is walked: a folder such as a home folder may be huge.
  const unknown = manifest
    ? await unlisted(dir, manifest)
    : top.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
  if (manifest && unknown.length === 0) return { kind: 'export', manifest };
  return {
    kind: 'foreign',
    files: unknown.slice(0, NAMED),
    more: Math.max(0, unknown.length - NAMED),
    earlierExport: manifest !== null,
  };
}

/**
 * What an earlier export holds besides the files its manifest lists: files, and folders none of
 * those files live in (a person may have made them for something).
 */
async function unlisted(dir: string, manifest: ExportManifest): Promise<string[]> {
  const written = new Set([...manifest.files, MANIFEST_FILE]);
  const ours = new Set(
    manifest.files.flatMap((f) => {
      const parts = f.split('/').slice(0, -1);
      return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    }),
  );
  const folders = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !ours.has(p));
  const files = (await listFiles(dir)).filter((f) => !written.has(f));
  return [...files, ...folders.map((f) => `${f}/`)].sort();
}

/** The problem with exporting to `destination`, or null when the export may go there. */
export function destinationProblem(
  destination: Destination,
  replace: boolean,
): DestinationProblem | null {
  switch (destination.kind) {
    case 'absent':
    case 'empty':
      return null;
    case 'export':
      return replace ? null : { ...destination, needsConfirmation: true };
    default:
      return { ...destination, needsConfirmation: false };
  }
}

/** The problem in words, naming the folder as the user gave it. */
export function describeProblem(problem: DestinationProblem, shown: string): string {
  switch (problem.kind) {
    case 'file':
      return `"${shown}" is a file: exports go into a folder.`;
    case 'export': {
      const { format, project, exportedAt } = problem.manifest;
      const when = `${exportedAt.slice(0, 16).replace('T', ' ')} UTC`;
      return `"${shown}" already holds an export of ${project} (${formatLabel(format)}, written ${when}).`;
    }
    case 'foreign': {
      const names =
        problem.files.join(', ') + (problem.more > 0 ? ` and ${problem.more} more` : '');
      return problem.earlierExport
        ? `"${shown}" is an earlier Strata export, but it now also holds files Strata did not write (${names}): move them out, or export into a new or empty folder.`
        : `"${shown}" holds files Strata did not write (${names}): export into a new or empty folder, so that nothing there is replaced.`;
    }
  }
}

/** A hidden, empty folder beside `dir` to build the export in before it moves into place. */
export async function stagingFolder(dir: string): Promise<string> {
  await mkdir(dirname(dir), { recursive: true });
  const staged = siblingPath(dir, 'export');
  await mkdir(staged);
  return staged;
}

/**
 * Moves what `staged` holds into the folder `dir`, the manifest last, so that a folder the user
 * picked (perhaps their shell's working folder, or a link) stays the same folder. If a move
 * fails, what was already moved (Strata's own files) is taken out again.
 */
async function moveInto(staged: string, dir: string): Promise<void> {
  const names = (await readdir(staged)).sort(
    (a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE),
  );
  const moved: string[] = [];
  try {
    for (const name of names) {
      await rename(join(staged, name), join(dir, name));
      moved.push(name);
    }
  } catch (error) {
    for (const name of moved) await rm(join(dir, name), { recursive: true, force: true });
    throw error;
  }
  await rm(staged, { recursive: true, force: true });
}

/**
 * Moves the finished export `staged` to `dir`, checking the destination again first (it may
 * have changed while the export ran). An absent folder is the staged one renamed; an empty one
 * gets its contents; an earlier export is replaced atomically (see replaceFolder). The staged
 * folder is removed when it cannot go in.
 */
export async function commitExport(
  staged: string,
  dir: string,
  replace: boolean,
): Promise<DestinationProblem | null> {
  try {
    const destination = await inspectDestination(dir);
    const problem = destinationProblem(destination, replace);
    if (problem) {
      await rm(staged, { recursive: true, force: true });
      return problem;
    }
    if (destination.kind === 'absent') await rename(staged, dir);
    else if (destination.kind === 'empty') await moveInto(staged, dir);
    else await replaceFolder(staged, dir);
    return null;
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    throw error;
  }
}
