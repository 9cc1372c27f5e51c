import { describe, expect, it } from 'vitest';
import { captureIo } from './capture.js';
import { createProgram, parseCli } from './program.js';

/** Runs `strata …args` in this process and returns its exit code and output. */
async function run(...args: string[]) {
  const io = captureIo();
  let code = 0;
  const program = createProgram(io, (c) => (code = c));
  await parseCli(program, ['node', 'strata', ...args], (c) => (code = c));
  return { code, io };
}

describe('strata command line', () => {
  it('routes a command to its function and passes on its exit code', async () => {
    const { code, io } = await run('templates');
    expect(code).toBe(0);
    expect(io.stdout.some((line) => line.startsWith('mnist-cnn '))).toBe(true);
  });

  it('exits 2 with the usage for an unknown command', async () => {
    const { code, io } = await run('train-everything');
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/unknown command 'train-everything'/);
  });

  it('exits 2 when `new` lacks its --template option', async () => {
    const { code, io } = await run('new', 'x.strata');
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--template <name>/);
  });

  it('exits 1 when the project file is missing', async () => {
    const { code } = await run('validate', '/nonexistent/folder/p.strata');
    expect(code).toBe(1);
  });
});
