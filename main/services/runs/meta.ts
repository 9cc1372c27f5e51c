import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the user says about a run: a name, a note, a star. Kept in the run's `meta.json`. */
export interface RunMeta {
  name?: string;
  note?: string;
  starred?: boolean;
}

/** The file in a run's folder. */
export const META_FILE = 'meta.json';

/** A run's name, note and star; empty when it has none (or its file is unreadable). */
export async function readRunMeta(dir: string): Promise<RunMeta> {
  try {
    const raw = JSON.parse(await readFile(join(dir, META_FILE), 'utf8')) as Record<string, unknown>;
    return {
      ...(typeof raw.name === 'string' && raw.name ? { name: raw.name } : {}),
      ...(typeof raw.note === 'string' && raw.note ? { note: raw.note } : {}),
      ...(raw.starred === true ? { starred: true } : {}),
    };
  } catch {
    return {};
  }
}
