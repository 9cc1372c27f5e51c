import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeModel } from '../../../shared/graph/analyze.js';
import { groupIntoBlock } from '../../../shared/graph/blocks.js';
import { hasErrors } from '../../../shared/graph/diagnostics.js';
import type { GraphBody, GraphNode } from '../../../shared/graph/document.js';
import { ACTIVATIONS } from '../../../shared/layers/activations.js';
import type { TensorShape } from '../../../shared/layers/shape.js';
import { compileModel } from './compile.js';

/** One step of a random graph: which layer to add and (as fractions) which tensors it takes. */
const stepArb = fc.record({
  op: fc.constantFrom(
    'Dense',
    'Activation',
    'Dropout',
    'Add',
    'Subtract',
    'Multiply',
    'Average',
    'Concatenate',
  ),
  picks: fc.array(fc.nat(1000), { minLength: 3, maxLength: 3 }),
  units: fc.integer({ min: 1, max: 4 }),
  fn: fc.constantFrom(...ACTIVATIONS),
  arity: fc.integer({ min: 2, max: 3 }),
});

const specArb = fc.record({
  inputs: fc.integer({ min: 1, max: 2 }),
  sequence: fc.constantFrom<(number | null)[]>([], [2], [null]),
  features: fc.integer({ min: 1, max: 4 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 10 }),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Builds a valid graph from a spec: merges take tensors whose shapes fit (falling back to a
 * Dense when none do), and every tensor nobody consumes ends in an Output.
 */
function buildGraph(spec: Spec): GraphBody {
  const nodes: GraphNode[] = [];
  const graph: GraphBody = { nodes, edges: [] };
  const shapes: TensorShape[] = [];
  const add = (
    kind: string,
    params: Record<string, unknown>,
    inputs: number[],
    shape: TensorShape,
  ) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, kind, params, position: { x: 0, y: nodes.length } });
    inputs.forEach((source, port) =>
      graph.edges.push({
        id: `e${graph.edges.length}`,
        source: `n${source}`,
        target: id,
        targetPort: port,
      }),
    );
    shapes.push(shape);
  };
  for (let i = 0; i < spec.inputs; i++) {
    add(
      'Input',
      { shape: [...spec.sequence, spec.features] },
      [],
      [...spec.sequence, spec.features],
    );
  }
  for (const step of spec.steps) {
    const tensors = shapes.map((_, i) => i);
    const pick = (from: number[], k: number) => from[step.picks[k] % from.length];
    const x = pick(tensors, 0);
    const key = (s: TensorShape, drop: number) => JSON.stringify(s.slice(0, s.length - drop));
    const merge = (drop: number, max: number) => {
      const fitting = tensors.filter((t) => key(shapes[t], drop) === key(shapes[x], drop));
      const count = Math.min(max, step.arity);
      return fitting.length >= 2
        ? [x, ...[1, 2].slice(0, count - 1).map((k) => pick(fitting, k))]
        : undefined;
    };
    const merged =
      step.op === 'Concatenate' ? merge(1, 3) : merge(0, step.op === 'Subtract' ? 2 : 3);
    const shape = shapes[x];
    if (step.op === 'Activation')
      add('Activation', { fn: step.fn === 'linear' ? 'relu' : step.fn }, [x], shape);
    else if (step.op === 'Dropout') add('Dropout', { rate: 0.3 }, [x], shape);
    else if (step.op === 'Dense' || !merged) {
      add(
        'Dense',
        { units: step.units, activation: step.fn },
        [x],
        [...shape.slice(0, -1), step.units],
      );
    } else if (step.op === 'Concatenate') {
      const joined = merged.reduce((n, t) => n + (shapes[t].at(-1) as number), 0);
      add('Concatenate', { axis: -1 }, merged, [...shape.slice(0, -1), joined]);
    } else add(step.op, {}, merged, shape);
  }
  const consumed = new Set(graph.edges.map((e) => e.source));
  for (const [i, node] of [...nodes].entries()) {
    if (!consumed.has(node.id)) add('Output', { loss: 'mean_squared_error' }, [i], shapes[i]);
  }
  return graph;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('compileModel on random valid graphs', () => {
  it('runs a forward pass whose shapes and parameter count match the analysis', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const graph = buildGraph(spec);
        const result = compileModel(graph);
        if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
        const { model, analysis } = result;
        const length = 3; // the run-time length of a variable sequence
        tf.tidy(() => {
          const inputs = model.inputs.map((input) =>
            tf.randomNormal([2, ...input.shape.slice(1).map((d) => d ?? length)]),
          );
          const outputs = [model.predict(inputs)].flat() as tf.Tensor[];
          const outputNodes = graph.nodes.filter((n) => n.kind === 'Output');
          expect(outputs).toHaveLength(outputNodes.length);
          outputNodes.forEach((node, i) => {
            const inferred = analysis.nodes.get(node.id)!.shape!;
            expect(outputs[i].shape).toEqual([2, ...inferred.map((d) => d ?? length)]);
          });
        });
        expect(model.countParams()).toBe(analysis.totals.trainable + analysis.totals.nonTrainable);
        model.dispose();
      }),
      { numRuns: 40 },
    );
  });

  it('keeps totals and output shapes when a random chain of layers becomes a block', () => {
    fc.assert(
      fc.property(specArb, fc.nat(), (spec, at) => {
        const graph = buildGraph(spec);
        const layer = graph.nodes.filter((n) => n.kind !== 'Input' && n.kind !== 'Output');
        const start = layer[at % layer.length];
        const next = graph.edges.filter((e) => e.source === start.id).map((e) => e.target);
        const selection = [start.id, ...next.filter((id) => !id.startsWith('Output')).slice(0, 1)];
        const grouped = groupIntoBlock(graph, selection, 'Random');
        fc.pre(grouped.ok);
        if (!grouped.ok) return;
        const before = analyzeModel(graph);
        const after = analyzeModel(grouped.graph, { blocks: [grouped.block] });
        const outputs = (a: typeof before) =>
          graph.nodes.filter((n) => n.kind === 'Output').map((n) => a.nodes.get(n.id)?.shape);
        expect(after.totals).toEqual(before.totals);
        expect(outputs(after)).toEqual(outputs(before));
        expect(hasErrors(after.diagnostics)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

/** Ways to break a valid graph, each of which must produce an error. */
const breakers: Record<string, (g: GraphBody, n: number) => void> = {
  dangling: (g, n) =>
    g.edges.push({ id: 'bad', source: `n${n % g.nodes.length}`, target: 'ghost', targetPort: 0 }),
  cycle: (g) => {
    const last = g.nodes.filter((n) => n.kind !== 'Output' && n.kind !== 'Input').at(-1);
    if (last) g.edges.push({ id: 'loop', source: last.id, target: last.id, targetPort: 0 });
    else g.nodes.pop(); // no layer to loop: drop the Output instead
  },
  badParam: (g) => {
    const input = g.nodes.find((n) => n.kind === 'Input')!;
    input.params = { shape: [0, -4] };
  },
  mismatchedMerge: (g) => {
    const input = g.nodes.find((n) => n.kind === 'Input')!;
    g.nodes.push(
      { id: 'narrow', kind: 'Dense', params: { units: 5 }, position: { x: 0, y: 0 } },
      { id: 'wide', kind: 'Dense', params: { units: 6 }, position: { x: 0, y: 0 } },
      { id: 'sum', kind: 'Add', params: {}, position: { x: 0, y: 0 } },
      { id: 'sumOut', kind: 'Output', params: {}, position: { x: 0, y: 0 } },
    );
    g.edges.push(
      { id: 'm1', source: input.id, target: 'narrow', targetPort: 0 },
      { id: 'm2', source: input.id, target: 'wide', targetPort: 0 },
      { id: 'm3', source: 'narrow', target: 'sum', targetPort: 0 },
      { id: 'm4', source: 'wide', target: 'sum', targetPort: 1 },
      { id: 'm5', source: 'sum', target: 'sumOut', targetPort: 0 },
    );
  },
  unknownKind: (g, n) => {
    g.nodes[n % g.nodes.length] = { ...g.nodes[n % g.nodes.length], kind: `Mystery${n}` };
  },
};

describe('analyzeModel and compileModel on broken graphs', () => {
  it('report errors and never throw', () => {
    fc.assert(
      fc.property(specArb, fc.constantFrom(...Object.keys(breakers)), fc.nat(), (spec, how, n) => {
        const graph = buildGraph(spec);
        breakers[how](graph, n);
        expect(hasErrors(analyzeModel(graph).diagnostics)).toBe(true);
        expect(compileModel(graph).ok).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('survive garbage nodes, edges and params', () => {
    const junk = fc.anything({ withNullPrototype: true, withMap: true, withSet: true });
    const nodeish = fc.record(
      {
        id: fc.oneof(fc.string(), junk),
        kind: fc.oneof(fc.constantFrom('Dense', 'Add', 'Input', 'Output', 'Block'), junk),
        params: junk,
      },
      { requiredKeys: [] },
    );
    const edgeish = fc.record(
      {
        id: fc.oneof(fc.string(), junk),
        source: fc.oneof(fc.constantFrom('n0', 'n1'), junk),
        target: fc.oneof(fc.constantFrom('n1', 'n2'), junk),
        targetPort: junk,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        specArb,
        fc.array(fc.oneof(nodeish, junk)),
        fc.array(fc.oneof(edgeish, junk)),
        (spec, nodes, edges) => {
          const graph = buildGraph(spec) as unknown as { nodes: unknown[]; edges: unknown[] };
          graph.nodes.push(...nodes);
          graph.edges.push(...edges);
          const broken = graph as unknown as GraphBody;
          expect(() => analyzeModel(broken, { blocks: [] })).not.toThrow();
          expect(() => compileModel(broken)).not.toThrow();
        },
      ),
      { numRuns: 50 },
    );
  });
});
