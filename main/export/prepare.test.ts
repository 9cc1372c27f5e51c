import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../shared/project/schema.js';
import { projectOf, tinyConvnet, trainQuickly } from '../services/inspection/test-runs.js';
import { disposeInputs, prepareExport } from './prepare.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-prepare-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The project with its Dense layer's units changed (and so its weight shapes). */
function widened(project: Project, units: number): Project {
  const [model] = project.models;
  const nodes = model.nodes.map((n) =>
    n.kind === 'Dense' ? { ...n, params: { ...n.params, units } } : n,
  );
  return { ...project, models: [{ ...model, nodes }] };
}

async function weightsOf(file: string, project: Project, runId?: string) {
  const prepared = await prepareExport(file, project, runId ? { runId } : {});
  if (!prepared.ok) throw new Error(prepared.message);
  try {
    return prepared.inputs[0].model.getWeights().map((w) => ({
      shape: w.shape,
      values: Array.from(w.dataSync()),
    }));
  } finally {
    disposeInputs(prepared.inputs);
  }
}

describe('prepareExport', () => {
  it('draws untrained weights from the recipe seed: the same seed, the same weights', async () => {
    const project = projectOf(tinyConvnet(), { task: 'classification', dataset: 'mnist' });
    const file = join(dir, 'seeded.strata');
    const first = await weightsOf(file, project);
    const second = await weightsOf(file, project);
    expect(second).toEqual(first);
    const reseeded = { ...project, recipe: { ...project.recipe, seed: project.recipe.seed + 1 } };
    expect(await weightsOf(file, reseeded)).not.toEqual(first);
  });

  it("exports a run's own graph after the project's model was edited", async () => {
    const project = projectOf(tinyConvnet(), { task: 'classification', dataset: 'mnist' });
    const file = join(dir, 'edited.strata');
    const runId = await trainQuickly(file, project, 2);
    const before = await weightsOf(file, project, runId);
    // Dense 10 → 12: the current graph no longer fits the run's weights.
    const after = await weightsOf(file, widened(project, 12), runId);
    expect(after).toEqual(before);
    const biases = after.filter((w) => w.shape.length === 1).map((w) => w.shape[0]);
    expect(biases).toContain(10);
    expect(biases).not.toContain(12);
  }, 60_000);
});
