import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureIo } from './capture.js';
import { newCommand } from './commands/new.js';
import { useTempFolder } from './fixture-folder.js';

const bin = fileURLToPath(new URL('../../bin/strata.mjs', import.meta.url));
const inFolder = useTempFolder();
const strata = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('the strata executable', () => {
  it('prints the mnist-cnn summary with Keras’ parameter total', async () => {
    const file = inFolder('cnn.strata');
    await newCommand(file, { template: 'mnist-cnn' }, captureIo());
    const run = strata('summary', file);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Total params: 93,322');
    expect(run.status).toBe(0);
  });

  it('exits non-zero with a message for a file that is not a project', () => {
    const run = strata('validate', bin);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not JSON/);
  });
});
