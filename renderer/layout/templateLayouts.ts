import { analyzeModel } from '../../shared/graph/analyze.js';
import type { Template } from '../../shared/templates/index.js';
import type { TemplateLayouts } from '../../shared/templates/layouts.js';
import { autoLayout } from './autoLayout.js';
import { estimateSizes } from './nodeSize.js';

/**
 * Every template's models laid out as the editor's Auto layout would lay them out: the same ELK
 * settings, with each node at the size the canvas draws it.
 */
export async function layOutTemplates(list: readonly Template[]): Promise<TemplateLayouts> {
  const layouts: TemplateLayouts = {};
  for (const { name, project } of list) {
    const models: TemplateLayouts[string] = {};
    for (const model of project.models) {
      const analysis = analyzeModel(model, { blocks: project.blocks });
      const sizes = estimateSizes(model, project.blocks, analysis);
      const positions = await autoLayout({ graph: model, sizes });
      models[model.id] = Object.fromEntries(
        [...positions].map(([id, { x, y }]) => [id, [x, y] as [number, number]]),
      );
    }
    layouts[name] = models;
  }
  return layouts;
}
