import { spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../shared/project/serialize.js';
import { findTemplate } from '../../shared/templates/index.js';
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

  it('stops quietly when the reader of its output goes away (`strata summary | head`)', async () => {
    // An MLP with 3,000 more hidden layers: a summary far larger than a pipe's buffer.
    const project = structuredClone(findTemplate('mlp-mnist')!.project);
    const model = project.models[0];
    const last = model.edges.find((e) => e.target === model.nodes.at(-1)!.id)!;
    const into = model.edges.find((e) => e.target === last.source)!;
    let previous = into.source;
    for (let i = 0; i < 3_000; i++) {
      const id = `extra${i}`;
      model.nodes.push({ id, kind: 'Dense', params: { units: 8 }, position: { x: 0, y: i } });
      model.edges.push({ id: `to-${id}`, source: previous, target: id, targetPort: 0 });
      previous = id;
    }
    into.source = previous;
    const file = inFolder('big.strata');
    await writeFile(file, serializeProject(project));

    const child = spawn(process.execPath, [bin, 'summary', file]);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    // Read one chunk, then close the pipe as `head` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
