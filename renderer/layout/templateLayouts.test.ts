import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../shared/graph/analyze.js';
import { templateLayouts } from '../../shared/templates/layouts.js';
import { templates } from '../../shared/templates/index.js';
import { layoutProblems } from './layoutCheck.js';
import { estimateSizes } from './nodeSize.js';
import { layOutTemplates } from './templateLayouts.js';

describe('template layouts', () => {
  it('are what Auto layout makes of each template today', async () => {
    // When this fails, regenerate as renderer/layout/printTemplateLayouts.ts says.
    expect(templateLayouts).toEqual(await layOutTemplates(templates));
    for (const t of templates) {
      for (const model of t.project.models) {
        const stored = templateLayouts[t.name]?.[model.id];
        expect(stored, `${t.name}/${model.id} has a stored layout`).toBeDefined();
        for (const node of model.nodes) {
          expect(node.position).toEqual({ x: stored![node.id][0], y: stored![node.id][1] });
        }
      }
    }
  }, 60_000);

  for (const t of templates) {
    it(`${t.name}: no overlapping nodes, no edge through a node, no label over another`, () => {
      for (const model of t.project.models) {
        const analysis = analyzeModel(model, { blocks: t.project.blocks });
        const sizes = estimateSizes(model, t.project.blocks, analysis);
        expect(layoutProblems(model, t.project.blocks, sizes, analysis)).toEqual([]);
      }
    });
  }
});

describe('the layout check', () => {
  const base = templates.find((t) => t.name === 'inception-cnn')!.project;
  const model = base.models[0];
  const analysis = analyzeModel(model, { blocks: base.blocks });
  const sizes = estimateSizes(model, base.blocks, analysis);
  const moved = (
    change: (n: (typeof model.nodes)[number], i: number) => { x: number; y: number },
  ) => ({
    ...model,
    nodes: model.nodes.map((n, i) => ({ ...n, position: change(n, i) })),
  });

  it('finds nodes stacked on each other', () => {
    const stacked = moved((n, i) => (i < 2 ? { x: 0, y: 0 } : n.position));
    expect(layoutProblems(stacked, base.blocks, sizes, analysis).join('\n')).toMatch(/overlap/);
  });

  it('finds edges through nodes and labels on top of each other when all share a column', () => {
    const column = moved((_, i) => ({ x: 0, y: i * 120 }));
    const found = layoutProblems(column, base.blocks, sizes, analysis).join('\n');
    expect(found).toMatch(/runs through/);
    expect(found).toMatch(/label of edge .* (overlaps|is printed over)/);
  });
});
