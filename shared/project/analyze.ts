import type { DatasetSchema } from '../datasets/catalogue.js';
import { analyzeModel, type ModelAnalysis } from '../graph/analyze.js';
import { nodeError } from '../graph/diagnostics.js';
import type { ModelGraph } from '../graph/document.js';
import { formatShape, sameShape } from '../layers/shape.js';
import { projectDatasetSchema } from './datasets.js';
import type { Project } from './schema.js';

/** One model of a project and what analysis found in it. */
export interface AnalyzedModel {
  model: ModelGraph;
  analysis: ModelAnalysis;
}

/**
 * The dataset each model is checked against. The trained model sees the dataset as it is; a
 * GAN's discriminator sees its images labelled real or fake; a generator sees only noise.
 */
function datasetFor(project: Project, model: ModelGraph): DatasetSchema | undefined {
  const dataset = projectDatasetSchema(project.datasets, project.recipe.dataset);
  const { task, model: trained, discriminator } = project.recipe;
  if (!dataset) return undefined;
  if (task === 'gan') {
    return model.id === discriminator
      ? { ...dataset, target: { kind: 'classes', classes: 2, names: ['fake', 'real'] } }
      : undefined;
  }
  return model.id === trained ? dataset : undefined;
}

/** Analyses every model of a project, in document order, with its blocks and recipe dataset. */
export function analyzeProject(project: Project): AnalyzedModel[] {
  const analyzed = project.models.map((model) => ({
    model,
    analysis: analyzeModel(model, { blocks: project.blocks, dataset: datasetFor(project, model) }),
  }));
  if (project.recipe.task === 'gan') checkGanPair(project, analyzed);
  return analyzed;
}

/** A generator must draw what its discriminator looks at. */
function checkGanPair(project: Project, analyzed: AnalyzedModel[]): void {
  const find = (id: string | undefined) => analyzed.find((a) => a.model.id === id);
  const generator = find(project.recipe.model);
  const discriminator = find(project.recipe.discriminator);
  if (!generator || !discriminator) return;
  const ends = (a: AnalyzedModel, kind: string) => a.model.nodes.filter((n) => n.kind === kind);
  const [output] = ends(generator, 'Output');
  const [input] = ends(discriminator, 'Input');
  const made = output && generator.analysis.nodes.get(output.id)?.shape;
  const seen = input && discriminator.analysis.nodes.get(input.id)?.shape;
  if (!made || !seen || sameShape(made, seen)) return;
  generator.analysis.diagnostics.push(
    nodeError(
      'dataset-mismatch',
      output.id,
      `The generator makes ${formatShape(made)} samples, but the discriminator takes ${formatShape(seen)}.`,
      `Make the generator end in ${formatShape(seen)}.`,
    ),
  );
}
