/** Where a command writes, so commands run in tests without spawning a process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 success, 1 the project has errors or the command was refused, 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
