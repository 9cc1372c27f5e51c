import { formatIssue } from '../../shared/project/issues.js';
import type { Project } from '../../shared/project/schema.js';
import { readProject } from '../services/projects/files.js';
import type { CliIo } from './io.js';

/** Reads a project for a command, printing why it cannot be opened and what was repaired. */
export async function openProject(file: string, io: CliIo): Promise<Project | undefined> {
  const result = await readProject(file);
  if (!result.ok) {
    io.err(`strata: cannot open ${file}:`);
    for (const issue of result.errors) io.err(`  ${formatIssue(issue)}`);
    return undefined;
  }
  if (result.migratedFrom !== undefined) {
    io.err(`note: ${file} is in format ${result.migratedFrom}; it is upgraded when saved.`);
  }
  for (const issue of result.repairs) io.err(`warning: ${formatIssue(issue)}`);
  return result.project;
}
