import { resolve } from 'node:path';
import { PROJECT_EXTENSION } from '../../shared/project/schema.js';

/** The project files named on a command line (a double-click on Windows and Linux), made absolute. */
export function projectPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(PROJECT_EXTENSION))
    .map((arg) => resolve(cwd, arg));
}
