import { describe, expect, it } from 'vitest';
import { analyzeModel } from './analyze.js';
import type { BlockDefinition } from './document.js';
import { sketch } from './sketch.js';

/** in → Dense(units) → (out): a block used at any width. */
const denseBlock = (id: string, units: number | string, inner = 'Dense'): BlockDefinition => ({
  id,
  name: id,
  inputs: ['in'],
  output: 'd',
  ...sketch(
    { in: ['Input', { shape: [1] }], d: [inner, inner === 'Block' ? { block: units } : { units }] },
    ['in -> d'],
  ),
});

const using = (...blocks: string[]) =>
  sketch(
    {
      x: ['Input', { shape: [4] }],
      ...Object.fromEntries(blocks.map((b, i) => [`b${i}`, ['Block', { block: b }]])),
      out: ['Output'],
    },
    [
      'x -> b0',
      ...blocks.slice(1).map((_, i) => `b${i} -> b${i + 1}`),
      `b${blocks.length - 1} -> out`,
    ],
  );

describe('blocks in analysis', () => {
  it('reports the shape and counts of each Block node', () => {
    const analysis = analyzeModel(using('wide', 'wide'), { blocks: [denseBlock('wide', 3)] });
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.nodes.get('b0')?.shape).toEqual([3]);
    expect(analysis.nodes.get('b1')?.counts?.trainable).toBe(3 * 3 + 3);
    expect(analysis.totals.trainable).toBe(4 * 3 + 3 + 3 * 3 + 3);
    expect(analysis.order).toEqual(['x', 'b0', 'b1', 'out']);
    expect(analysis.edges.get('b0-b1')).toEqual([3]);
  });

  it('attributes problems inside a block to the Block node', () => {
    const analysis = analyzeModel(using('broken'), { blocks: [denseBlock('broken', -1)] });
    const [d] = analysis.diagnostics.filter((x) => x.code === 'bad-param');
    expect(d.target).toEqual({ type: 'node', nodeId: 'b0' });
    expect(d.message).toMatch(/^Inside this block: .*units/);
  });

  it('expands nested blocks', () => {
    const outer = denseBlock('outer', 'inner', 'Block');
    const analysis = analyzeModel(using('outer'), { blocks: [outer, denseBlock('inner', 2)] });
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.nodes.get('b0')?.shape).toEqual([2]);
    expect(analysis.flat.graph.nodes.map((n) => n.kind)).toEqual(['Input', 'Dense', 'Output']);
  });

  it('reports a block that contains itself instead of hanging', () => {
    const selfish = denseBlock('selfish', 'selfish', 'Block');
    const loop = [denseBlock('a', 'b', 'Block'), denseBlock('b', 'a', 'Block')];
    for (const [graph, blocks] of [
      [using('selfish'), [selfish]],
      [using('a'), loop],
    ] as const) {
      const found = analyzeModel(graph, { blocks }).diagnostics;
      expect(found.find((d) => d.code === 'recursive-block')?.target).toEqual({
        type: 'node',
        nodeId: 'b0',
      });
    }
  });

  it('says what a Block node without a block id holds, never "undefined"', () => {
    const graph = using('wide');
    const missing = analyzeModel(graph, { blocks: [denseBlock('wide', 3)] });
    expect(missing.diagnostics).toEqual([]);
    delete graph.nodes[1].params.block;
    const [d] = analyzeModel(graph, { blocks: [denseBlock('wide', 3)] }).diagnostics;
    expect(d).toMatchObject({ code: 'unknown-block', target: { type: 'node', nodeId: 'b0' } });
    expect(d.message).toBe(
      'This Block node does not name the block it uses (its "block" parameter is missing).',
    );
    graph.nodes[1].params.block = 7;
    const [seven] = analyzeModel(graph).diagnostics;
    expect(seven.message).toContain('(its "block" parameter is 7)');
  });

  it('names a damaged block without a name by its id', () => {
    const nameless = { ...denseBlock('wide', 3), output: 'gone' } as Record<string, unknown>;
    delete nameless.name;
    const found = analyzeModel(using('wide'), {
      blocks: [nameless as unknown as BlockDefinition],
    }).diagnostics;
    expect(found[0].message).toBe(
      'Block "wide" is damaged: its input or output layers are missing.',
    );
  });

  it('reports unknown blocks and unconnected block inputs', () => {
    expect(analyzeModel(using('nowhere')).diagnostics[0]).toMatchObject({ code: 'unknown-block' });
    const graph = using('wide');
    graph.edges = graph.edges.filter((e) => e.target !== 'b0');
    const found = analyzeModel(graph, { blocks: [denseBlock('wide', 3)] }).diagnostics;
    expect(found).toContainEqual(
      expect.objectContaining({
        code: 'unconnected-input',
        target: { type: 'node', nodeId: 'b0', port: 0 },
      }),
    );
  });
});
