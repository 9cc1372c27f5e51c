import { describe, expect, it } from 'vitest';
import { analyzeProject } from '../../../shared/project/analyze.js';
import { templates } from '../../../shared/templates/index.js';
import { compileModel, layerName } from './compile.js';

const cases = templates.flatMap((t) =>
  t.project.models.map((model) => [`${t.name}/${model.id}`, t.project, model] as const),
);

describe('templates compiled with tfjs', () => {
  it.each(cases)(
    '%s: tfjs counts the parameters and shapes the catalogue infers',
    (_, project, model) => {
      const result = compileModel(model, model.id, { blocks: project.blocks });
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
      const { analysis } = analyzeProject(project).find((a) => a.model.id === model.id)!;
      const tfModel = result.model;
      try {
        expect(tfModel.countParams()).toBe(
          analysis.totals.trainable + analysis.totals.nonTrainable,
        );
        // Every node but Output (an identity marker) is a tfjs layer named after it.
        for (const node of model.nodes.filter((n) => n.kind !== 'Output')) {
          const inferred = [null, ...analysis.nodes.get(node.id)!.shape!];
          expect(tfModel.getLayer(layerName(node.id)).outputShape, node.id).toEqual(inferred);
        }
        const outputs = model.nodes.filter((n) => n.kind === 'Output');
        expect(tfModel.outputs.map((o) => o.shape)).toEqual(
          outputs.map((n) => [null, ...analysis.nodes.get(n.id)!.shape!]),
        );
      } finally {
        tfModel.dispose();
      }
    },
  );
});
