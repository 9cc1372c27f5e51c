import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../services/projects/files.js';
import { createRun, runsFolder } from '../../services/runs/runs.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { captureIo } from '../capture.js';
import { useTempFolder } from '../fixture-folder.js';
import { createProgram, parseCli } from '../program.js';
import { newCommand } from './new.js';

const inFolder = useTempFolder();

/** Runs `strata …args` in this process and returns its exit code and output. */
async function strata(...args: string[]) {
  const io = captureIo();
  let code = 0;
  const program = createProgram(io, (c) => (code = c));
  await parseCli(program, ['node', 'strata', ...args], (c) => (code = c));
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** A project from a template with one (empty) run folder, as training starts one. */
async function projectWithRun(name: string) {
  const file = inFolder(`${name}.strata`);
  await newCommand(file, { template: 'mlp-mnist' }, captureIo());
  const read = await readProject(file);
  if (!read.ok) throw new Error('the template does not open');
  const settings = trainingSettingsSchema.parse(read.project.recipe);
  const { runId } = await createRun(file, { dataset: 'mnist', settings });
  return { file, runId };
}

describe('strata runs', () => {
  it('renames, notes and stars a run, and lists it so', async () => {
    const { file, runId } = await projectWithRun('named');
    expect((await strata('runs', 'rename', file, runId, 'wider dense')).code).toBe(0);
    expect((await strata('runs', 'note', file, runId, 'units 64 → 96')).code).toBe(0);
    const starred = await strata('runs', 'star', file, runId);
    expect(starred.out).toBe(`Run ${runId}: named "wider dense", a note, starred.`);
    const listed = await strata('runs', file);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^★  ${runId}  "wider dense"  interrupted`));
    expect(listed.out).toContain('note: units 64 → 96');
    const unstarred = await strata('runs', 'star', file, runId, '--off');
    expect(unstarred.out).toContain('not starred');
  });

  it('deletes a run folder and no other', async () => {
    const { file, runId } = await projectWithRun('deleted');
    const removed = await strata('runs', 'rm', file, runId);
    expect(removed.code).toBe(0);
    expect(removed.out).toBe(`Deleted run ${runId}.`);
    expect(await readdir(runsFolder(file))).toEqual([]);
    expect((await strata('runs', file)).out).toBe(`no runs yet for ${file}`);
  });

  it('refuses an unknown run and a path outside the runs folder, changing nothing', async () => {
    const { file, runId } = await projectWithRun('refused');
    const unknown = await strata('runs', 'rm', file, 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('The project has no run "nope"');
    const outside = await strata('runs', 'rename', file, '../x', 'y');
    expect(outside.code).toBe(1);
    expect(outside.err).toContain('"../x" is not a run id');
    const tooLong = await strata('runs', 'rename', file, runId, 'x'.repeat(121));
    expect(tooLong.err).toContain('at most 120 characters');
    expect(await readdir(join(runsFolder(file), runId))).toEqual(['config.json']);
  });
});
