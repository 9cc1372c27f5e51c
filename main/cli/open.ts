import { formatIssue, type LoadIssue } from '../../shared/project/issues.js';
import type { Project } from '../../shared/project/schema.js';
import { readProject } from '../services/projects/files.js';
import type { CliIo } from './io.js';
import { printSome } from './listing.js';

/** Reads a project for a command, printing why it cannot be opened and what was repaired. */
export async function openProject(file: string, io: CliIo): Promise<Project | undefined> {
  const result = await readProject(file);
  if (!result.ok) {
    io.err(`strata: cannot open ${file}:`);
    const print = (issue: LoadIssue) => io.err(`  ${formatIssue(issue)}`);
    printSome(result.errors, print, io.err, 'problems');
    return undefined;
  }
  if (result.migratedFrom !== undefined) {
    io.err(`note: ${file} is in format ${result.migratedFrom}; it is upgraded when saved.`);
  }
  const warn = (issue: LoadIssue) => io.err(`warning: ${formatIssue(issue)}`);
  printSome(result.repairs, warn, io.err, 'repairs');
  return result.project;
}
