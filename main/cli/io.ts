import { terminalLines } from './terminal-text.js';

/** Where a command writes, so commands run in tests without spawning a process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** The process's own streams, with the user's text made safe for a terminal (see terminalLines). */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${terminalLines(line).join('\n')}\n`),
  err: (line) => process.stderr.write(`${terminalLines(line).join('\n')}\n`),
};

/** Exit codes: 0 success, 1 the project has errors or the command was refused, 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
