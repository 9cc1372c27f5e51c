import { describe, expect, it } from 'vitest';
import { analyzeModel } from './analyze.js';
import { expandBlockNode, groupIntoBlock } from './blocks.js';
import type { BlockDefinition } from './document.js';
import { sketch } from './sketch.js';

/** x → d1 → d2 → add(x, d2) → out: a residual block around d1, d2. */
const residual = () =>
  sketch(
    {
      x: ['Input', { shape: [6] }],
      d1: ['Dense', { units: 5 }],
      d2: ['Dense', { units: 6 }],
      add: ['Add'],
      out: ['Output'],
    },
    ['x -> d1', 'd1 -> d2', 'x -> add', 'd2 -> add:1', 'add -> out'],
  );

function grouped(ids = ['d1', 'd2', 'add']) {
  const result = groupIntoBlock(residual(), ids, 'Residual');
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('groupIntoBlock', () => {
  it('keeps shapes, counts and diagnostics of the model it groups', () => {
    const before = analyzeModel(residual());
    const { graph, block, nodeId } = grouped();
    const after = analyzeModel(graph, { blocks: [block] });
    expect(after.diagnostics).toEqual([]);
    expect(after.totals).toEqual(before.totals);
    expect(after.nodes.get(nodeId)?.shape).toEqual([6]);
    expect(after.nodes.get(nodeId)?.counts?.trainable).toBe(6 * 5 + 5 + 5 * 6 + 6);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['block', 'out', 'x']);
  });

  it('gives one block input per outside tensor, even when it feeds several layers', () => {
    const { block, graph, nodeId } = grouped();
    expect(block.inputs).toHaveLength(1);
    expect(graph.edges.filter((e) => e.target === nodeId)).toHaveLength(1);
    expect(analyzeModel(graph, { blocks: [block] }).edges.get('x-d1')).toEqual([6]);
  });

  it('refuses a selection with two outgoing tensors', () => {
    const graph = residual();
    graph.edges.push({ id: 'd1-out2', source: 'd1', target: 'out2', targetPort: 0 });
    graph.nodes.push({ id: 'out2', kind: 'Output', params: {}, position: { x: 0, y: 0 } });
    const result = groupIntoBlock(graph, ['d1', 'd2'], 'Two');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('one result');
  });

  it('refuses a selection that a path leaves and re-enters', () => {
    const result = groupIntoBlock(residual(), ['d1', 'add'], 'Holey');
    expect(result).toMatchObject({ ok: false });
  });

  it('refuses Input and Output nodes', () => {
    expect(groupIntoBlock(residual(), ['x', 'd1'], 'In')).toMatchObject({ ok: false });
  });
});

describe('expandBlockNode', () => {
  it('inlines the block again into an equivalent graph with unique ids', () => {
    const { graph, block, nodeId } = grouped();
    const twice = groupIntoBlock(graph, ['block'], 'Outer', [block.id]);
    if (!twice.ok) throw new Error(twice.reason);
    const blocks: BlockDefinition[] = [block, twice.block];
    const once = expandBlockNode(twice.graph, twice.nodeId, blocks);
    if (!once.ok) throw new Error(once.reason);
    const back = expandBlockNode(
      once.graph,
      once.graph.nodes.find((n) => n.kind === 'Block')!.id,
      blocks,
    );
    if (!back.ok) throw new Error(back.reason);
    const ids = back.graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(back.graph.nodes.some((n) => n.kind === 'Block')).toBe(false);
    const analysis = analyzeModel(back.graph);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.totals).toEqual(analyzeModel(residual()).totals);
    expect(nodeId).toBe('block');
  });
});
