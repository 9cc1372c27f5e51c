import { describe, expect, it } from 'vitest';
import { analyzeModel } from './analyze.js';
import type { Diagnostic } from './diagnostics.js';
import type { GraphBody } from './document.js';
import { chainOf, sketch } from './sketch.js';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const only = (graph: GraphBody, code: string) =>
  analyzeModel(graph).diagnostics.filter((d) => d.code === code);

const mlp = () =>
  chainOf(
    ['Input', { shape: [784] }],
    ['Dense', { units: 128 }],
    ['Dropout', { rate: 0.2 }],
    ['Dense', { units: 10, activation: 'softmax' }],
    ['Output', {}],
  );

describe('analyzeModel', () => {
  it('infers shapes and counts a valid MLP as Keras does, with no diagnostics', () => {
    const analysis = analyzeModel(mlp());
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.nodes.get('n3')?.shape).toEqual([10]);
    expect(analysis.nodes.get('n1')?.counts).toEqual({
      trainable: 784 * 128 + 128,
      nonTrainable: 0,
    });
    expect(analysis.totals.trainable).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(analysis.totals.macs).toBe(784 * 128 + 128 * 10);
    expect(analysis.order).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  it('labels each edge with the shape its source produces', () => {
    const analysis = analyzeModel(mlp());
    expect(analysis.edges.get('n0-n1')).toEqual([784]);
    expect(analysis.edges.get('n1-n2')).toEqual([128]);
    expect(analysis.edges.get('n3-n4')).toEqual([10]);
  });

  it('keeps variable sequence lengths through shape inference', () => {
    const graph = chainOf(['Input', { shape: [null, 8] }], ['Dense', { units: 3 }], ['Output', {}]);
    const analysis = analyzeModel(graph);
    expect(analysis.nodes.get('n1')?.shape).toEqual([null, 3]);
    expect(analysis.nodes.get('n1')?.counts?.trainable).toBe(8 * 3 + 3);
  });

  it('reports an unknown kind on its node', () => {
    const graph = chainOf(['Input', { shape: [4] }], ['Frobnicate', {}], ['Output', {}]);
    const [d] = only(graph, 'unknown-kind');
    expect(d.target).toEqual({ type: 'node', nodeId: 'n1' });
    expect(d.message).toContain('Frobnicate');
  });

  it('names the parameter that holds a bad value', () => {
    const graph = chainOf(['Input', { shape: [4] }], ['Dense', { units: -3 }], ['Output', {}]);
    const [d] = only(graph, 'bad-param');
    expect(d.target).toEqual({ type: 'node', nodeId: 'n1', param: 'units' });
    expect(d.message).toContain('"units"');
    expect(d.hint).not.toBe('');
  });

  it('reports a missing params object instead of throwing', () => {
    const graph = chainOf(['Input', { shape: [4] }], ['Dense'], ['Output', {}]);
    (graph.nodes[1] as { params: unknown }).params = null;
    expect(codes(analyzeModel(graph).diagnostics)).toContain('bad-param');
  });

  it('reports each unconnected input port of a merge', () => {
    const graph = sketch({ x: ['Input', { shape: [4] }], add: ['Add'], out: ['Output'] }, [
      'x -> add',
      'add -> out',
    ]);
    const [d] = only(graph, 'unconnected-input');
    expect(d.target).toEqual({ type: 'node', nodeId: 'add', port: 1 });
  });

  it('refuses a second input on a single-input layer, on the edge', () => {
    const graph = sketch(
      { a: ['Input', { shape: [4] }], b: ['Input', { shape: [4] }], d: ['Dense'], out: ['Output'] },
      ['a -> d', 'b -> d:1', 'd -> out'],
    );
    const [d] = only(graph, 'extra-input');
    expect(d.target).toEqual({ type: 'edge', edgeId: 'b-d:1' });
  });

  it('refuses two edges into one port and edges to ports that cannot exist', () => {
    const graph = sketch(
      { a: ['Input', { shape: [4] }], b: ['Input', { shape: [4] }], d: ['Dense'], out: ['Output'] },
      ['a -> d', 'b -> d', 'd -> out'],
    );
    graph.edges.push({ id: 'weird', source: 'a', target: 'out', targetPort: -1 });
    expect(only(graph, 'port-taken')[0].target).toEqual({ type: 'edge', edgeId: 'b-d' });
    expect(only(graph, 'bad-port')[0].target).toEqual({ type: 'edge', edgeId: 'weird' });
  });

  it('reports a dangling edge naming the missing node', () => {
    const graph = mlp();
    graph.edges.push({ id: 'lost', source: 'n1', target: 'ghost', targetPort: 0 });
    const [d] = only(graph, 'dangling-edge');
    expect(d.target).toEqual({ type: 'edge', edgeId: 'lost' });
    expect(d.message).toContain('ghost');
  });

  it('attaches a cycle to exactly the nodes and edges on it', () => {
    const graph = sketch(
      {
        x: ['Input', { shape: [4] }],
        add: ['Add'],
        d1: ['Dense', { units: 4 }],
        d2: ['Dense', { units: 4 }],
        out: ['Output'],
      },
      ['x -> add', 'd2 -> add:1', 'add -> d1', 'd1 -> d2', 'd1 -> out'],
    );
    const found = only(graph, 'cycle');
    const nodes = found.flatMap((d) => (d.target.type === 'node' ? [d.target.nodeId] : []));
    const edges = found.flatMap((d) => (d.target.type === 'edge' ? [d.target.edgeId] : []));
    expect(nodes.sort()).toEqual(['add', 'd1', 'd2']);
    expect(edges.sort()).toEqual(['add-d1', 'd1-d2', 'd2-add:1']);
    expect(found[0].message).toMatch(/Add → Dense → Dense → Add|Dense → Dense → Add → Dense/);
  });

  it('reports a loop through 30,000 layers once, naming ten of them', () => {
    const ring = chainOf(
      ['Input', { shape: [4] }],
      ['Add'],
      ...Array.from({ length: 29_999 }, (): [string, Record<string, unknown>] => [
        'Dense',
        { units: 4 },
      ]),
    );
    ring.edges.push({ id: 'back', source: 'n30000', target: 'n1', targetPort: 1 });
    const found = only(ring, 'cycle');
    expect(found).toHaveLength(1);
    expect(found[0].target).toEqual({ type: 'node', nodeId: 'n1' });
    expect(found[0].message).toBe(
      `30,000 layers form a loop: Add → ${'Dense → '.repeat(9)}… (29,991 more). A layer cannot feed its own input.`,
    );
  }, 60_000);

  it('reports a layer feeding itself', () => {
    const graph = sketch({ x: ['Input', { shape: [2] }], a: ['Add'], out: ['Output'] }, [
      'x -> a',
      'a -> a:1',
      'a -> out',
    ]);
    expect(only(graph, 'cycle').map((d) => d.target)).toContainEqual({
      type: 'edge',
      edgeId: 'a-a:1',
    });
  });

  it('reports a graph without Input or Output', () => {
    expect(codes(analyzeModel(chainOf(['Dense'])).diagnostics)).toEqual(
      expect.arrayContaining(['no-input', 'no-output']),
    );
  });

  it('passes on the rank mismatch of a shape rule, with both shapes', () => {
    const graph = chainOf(['Input', { shape: [null] }], ['Dense'], ['Output']);
    const [d] = only(graph, 'size-mismatch');
    expect(d.target).toMatchObject({ type: 'node', nodeId: 'n1', port: 0 });
  });

  it('reports a merge of incompatible shapes with both shapes', () => {
    const graph = sketch(
      {
        x: ['Input', { shape: [4] }],
        a: ['Dense', { units: 3 }],
        b: ['Dense', { units: 5 }],
        add: ['Add'],
        out: ['Output'],
      },
      ['x -> a', 'x -> b', 'a -> add', 'b -> add:1', 'add -> out'],
    );
    const [d] = only(graph, 'merge-mismatch');
    expect(d.target).toMatchObject({ nodeId: 'add', port: 1 });
    expect(d.message).toContain('3');
    expect(d.message).toContain('5');
  });

  it('warns about a branch that reaches no Output', () => {
    const graph = mlp();
    graph.nodes.push({ id: 'lonely', kind: 'Dense', params: {}, position: { x: 0, y: 0 } });
    graph.edges.push({ id: 'to-lonely', source: 'n1', target: 'lonely', targetPort: 0 });
    const found = analyzeModel(graph).diagnostics;
    expect(found).toEqual([expect.objectContaining({ code: 'unused-node', severity: 'warning' })]);
    expect(found[0].target).toEqual({ type: 'node', nodeId: 'lonely' });
  });

  it('reports duplicate ids and garbage records instead of throwing', () => {
    const graph = mlp() as unknown as { nodes: unknown[]; edges: unknown[] };
    graph.nodes.push(graph.nodes[1], null, 42, { id: 7 });
    graph.edges.push('nonsense', { id: 'x' }, null);
    const found = codes(analyzeModel(graph as GraphBody).diagnostics);
    expect(found).toContain('duplicate-id');
    expect(found.filter((c) => c === 'malformed')).toHaveLength(6);
  });

  it('survives input that is not a graph at all', () => {
    for (const junk of [null, undefined, 3, 'graph', [], { nodes: 'x' }]) {
      const analysis = analyzeModel(junk as unknown as GraphBody);
      expect(codes(analysis.diagnostics)).toContain('malformed');
    }
  });
});
