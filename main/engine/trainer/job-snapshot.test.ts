import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { loadProject } from '../../../shared/project/load.js';
import type { Project } from '../../../shared/project/schema.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { SNAPSHOT_FILE } from '../../services/runs/snapshot.js';
import { RunControl } from './control.js';
import { runJob } from './job.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-job-snapshot-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The MLP template with its first Dense layer's units set. */
function mlp(units: number): Project {
  const project = structuredClone(findTemplate('mlp-mnist')!.project);
  const dense = project.models[0].nodes.find((n) => n.kind === 'Dense')!;
  dense.params = { ...dense.params, units };
  return project;
}

async function run(project: Project, epochs: number, resume: boolean) {
  const events: TrainingEvent[] = [];
  const outcome = await runJob(
    {
      runId: 'kept',
      project,
      settings: trainingSettingsSchema.parse({ epochs, batchSize: 16 }),
      backend: 'cpu',
      batchesPerEpoch: 2,
      runDir: dir,
      resume,
    },
    new RunControl(),
    (event) => events.push(event),
  );
  return { outcome, failed: events.find((e) => e.type === 'failed') };
}

describe('a run keeps the project it trained', () => {
  it('writes the graph beside its weights, and a resume trains that graph, not the edited one', async () => {
    expect(await run(mlp(32), 1, false)).toMatchObject({ outcome: 'finished' });
    const kept = loadProject(await readFile(join(dir, SNAPSHOT_FILE), 'utf8'));
    if (!kept.ok) throw new Error('the kept project does not load');
    const dense = kept.project.models[0].nodes.find((n) => n.kind === 'Dense')!;
    expect(dense.params.units).toBe(32);

    // The project now has 48 units: its checkpoints would not fit; the kept graph does.
    const resumed = await run(mlp(48), 2, true);
    expect(resumed.failed).toBeUndefined();
    expect(resumed.outcome).toBe('finished');
    const after = loadProject(await readFile(join(dir, SNAPSHOT_FILE), 'utf8'));
    expect(
      after.ok && after.project.models[0].nodes.find((n) => n.kind === 'Dense')!.params.units,
    ).toBe(32);
  }, 120_000);
});
