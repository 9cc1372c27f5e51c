import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/templates/index.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { createSession } from '../api/session.js';
import { temporaryHost } from '../api/test-host.js';
import { createRun } from './runs.js';
import { writeRunSnapshot } from './snapshot.js';

let cleanup: () => Promise<void> = async () => {};
afterEach(() => cleanup());

/** A session over a served folder holding one project path and one run of it. */
async function withRun() {
  const made = await temporaryHost();
  cleanup = made.cleanup;
  await mkdir(made.folder, { recursive: true });
  const project = findTemplate('mlp-mnist')!.project;
  const settings = trainingSettingsSchema.parse(project.recipe);
  const run = await createRun(join(made.folder, 'digits.strata'), { dataset: 'mnist', settings });
  await writeRunSnapshot(run.dir, project);
  return { session: createSession(made.host), runId: run.runId, project };
}

describe('the runs channels', () => {
  it('rename, note and star a run, and list it so', async () => {
    const { session, runId } = await withRun();
    const path = 'digits.strata';
    const updated = await session.handle('renderer:runs.update', {
      path,
      runId,
      name: '  wide  ',
      starred: true,
    });
    expect(updated).toEqual({ ok: true, result: { name: 'wide', starred: true } });
    await session.handle('renderer:runs.update', { path, runId, note: 'units 96' });
    const listed = await session.handle('renderer:runs.list', { path });
    if (!listed.ok) throw new Error(listed.error.message);
    expect((listed.result as { meta: unknown }[])[0].meta).toEqual({
      name: 'wide',
      note: 'units 96',
      starred: true,
    });
    session.dispose();
  });

  it('answers with the project a run trained, and deletes the run', async () => {
    const { session, runId, project } = await withRun();
    const path = 'digits.strata';
    const kept = await session.handle('renderer:runs.snapshot', { path, runId });
    if (!kept.ok) throw new Error(kept.error.message);
    const document = (kept.result as { document: { models: { id: string }[] } }).document;
    expect(document.models.map((m) => m.id)).toEqual(project.models.map((m) => m.id));
    expect(await session.handle('renderer:runs.delete', { path, runId })).toEqual({
      ok: true,
      result: {},
    });
    const listed = await session.handle('renderer:runs.list', { path });
    expect(listed).toEqual({ ok: true, result: [] });
    session.dispose();
  });

  it('refuses a name over the limit and a run id outside the runs folder', async () => {
    const { session, runId } = await withRun();
    const long = await session.handle('renderer:runs.update', {
      path: 'digits.strata',
      runId,
      name: 'x'.repeat(121),
    });
    expect(long.ok).toBe(false);
    const outside = await session.handle('renderer:runs.delete', {
      path: 'digits.strata',
      runId: '../../etc',
    });
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.message).toContain('is not a run id');
    session.dispose();
  });
});
