import { describe, expect, it } from 'vitest';
import { findTemplate } from '../templates/index.js';
import { analyzeModel } from './analyze.js';
import { summaryRows } from './summary.js';

describe('the layer summary', () => {
  const project = findTemplate('mnist-cnn')!.project;
  const model = project.models[0];
  const analysis = analyzeModel(model, { blocks: project.blocks });
  const rows = summaryRows(model, analysis, project.blocks);

  it('lists every node once, each after the nodes feeding it', () => {
    expect(rows.map((r) => r.nodeId).sort()).toEqual(model.nodes.map((n) => n.id).sort());
    const seen = new Set<string>();
    for (const row of rows) {
      for (const input of row.inputs) expect(seen.has(input)).toBe(true);
      seen.add(row.nodeId);
    }
  });

  it('adds up to the analysis totals, and writes shapes as Keras does', () => {
    const params = rows.reduce((n, r) => n + (r.params ?? 0), 0);
    const macs = rows.reduce((n, r) => n + (r.macs ?? 0), 0);
    expect(params).toBe(analysis.totals.trainable + analysis.totals.nonTrainable);
    expect(macs).toBe(analysis.totals.macs);
    expect(rows[0].shape).toBe('(None, 28, 28, 1)');
    expect(rows.find((r) => r.type === 'Conv2D')?.name).toBe('Conv2D');
  });
});
