import { processIo } from './io.js';
import { createProgram, parseCli } from './program.js';
import { registerServe } from './serve.js';

// A reader that stops early (`strata summary big.strata | head`) closes the pipe; like other
// Unix tools, stop quietly instead of ending in an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
}

// Setting exitCode (not calling exit) lets stdout drain before the process ends.
const exit = (code: number) => {
  process.exitCode = code;
};
const program = createProgram(processIo, exit);
registerServe(program, processIo, exit);
await parseCli(program, process.argv, exit);
