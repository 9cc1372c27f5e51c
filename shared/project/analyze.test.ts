import { describe, expect, it } from 'vitest';
import { findTemplate } from '../templates/index.js';
import { analyzeProject } from './analyze.js';
import type { Project } from './schema.js';

const copy = (name: string): Project => structuredClone(findTemplate(name)!.project);
const errorsOf = (project: Project, modelId: string) =>
  analyzeProject(project)
    .find((a) => a.model.id === modelId)!
    .analysis.diagnostics.filter((d) => d.severity === 'error');

describe('analyzeProject', () => {
  it("checks the trained model against the recipe's dataset", () => {
    const project = copy('mlp-mnist');
    project.recipe.dataset = 'iris';
    expect(errorsOf(project, 'mlp').map((d) => d.code)).toContain('dataset-mismatch');
  });

  it('checks a GAN discriminator as a real-or-fake classifier of the dataset images', () => {
    expect(errorsOf(copy('dcgan'), 'discriminator')).toEqual([]);
    const project = copy('dcgan');
    const input = project.models[1].nodes.find((n) => n.kind === 'Input')!;
    input.params.shape = [32, 32, 1];
    expect(errorsOf(project, 'discriminator').map((d) => d.code)).toContain('dataset-mismatch');
  });

  it('reports a generator whose samples the discriminator cannot take', () => {
    const project = copy('dcgan');
    const last = project.models[0].nodes.filter((n) => n.kind === 'Conv2DTranspose').at(-1)!;
    last.params.filters = 3;
    const errors = errorsOf(project, 'generator');
    expect(errors.map((d) => d.message)).toContain(
      'The generator makes 28×28×3 samples, but the discriminator takes 28×28×1.',
    );
  });
});
