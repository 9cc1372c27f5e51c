import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProject } from '../../../shared/project/load.js';
import type { Project } from '../../../shared/project/schema.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import { writeFileAtomic } from '../storage/atomic-file.js';

/**
 * The project a run trained (models, blocks, recipe, dataset declarations, settings), kept in
 * its folder beside the weights: exports, tests and resumes of the run use this graph, so
 * editing the project afterwards loses nothing. A `.strata` file, migrated like any project.
 */
export const SNAPSHOT_FILE = 'project.strata';

/** Writes the project a run trains into its folder. */
export async function writeRunSnapshot(runDir: string, project: Project): Promise<void> {
  await writeFileAtomic(join(runDir, SNAPSHOT_FILE), serializeProject(project));
}

/**
 * The project a run trained, or undefined when the run keeps none (runs from before snapshots)
 * or its copy cannot be read.
 */
export async function readRunSnapshot(runDir: string): Promise<Project | undefined> {
  let text: string;
  try {
    text = await readFile(join(runDir, SNAPSHOT_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const loaded = loadProject(text);
  return loaded.ok ? loaded.project : undefined;
}
