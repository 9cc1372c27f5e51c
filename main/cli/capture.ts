import type { CliIo } from './io.js';
import { terminalLines } from './terminal-text.js';

/** A {@link CliIo} that records lines as a terminal would show them, for running commands in tests. */
export function captureIo(): CliIo & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(...terminalLines(line)),
    err: (line) => stderr.push(...terminalLines(line)),
    text: () => [...stdout, ...stderr].join('\n'),
  };
}
