import { processIo } from './io.js';
import { createProgram, parseCli } from './program.js';
import { registerServe } from './serve.js';

// Setting exitCode (not calling exit) lets stdout drain before the process ends.
const exit = (code: number) => {
  process.exitCode = code;
};
const program = createProgram(processIo, exit);
registerServe(program, processIo, exit);
await parseCli(program, process.argv, exit);
