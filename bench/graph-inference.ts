// Times a full analysis of a 1,000-node graph after single-node edits, next to a deep copy of
// the same graph (structuredClone) measured interleaved in the same run.
import { analyzeModel } from '../shared/graph/analyze.js';
import type { GraphBody, GraphEdge, GraphNode } from '../shared/graph/document.js';

const NODES = 1_000;
const EDITS = 400;
const WARMUP = 50;

/** Residual and concatenating motifs of Dense, Dropout, Activation, Add and Concatenate. */
function buildGraph(): GraphBody {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const add = (kind: string, params: Record<string, unknown>, ...inputs: string[]) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, kind, params, position: { x: nodes.length * 10, y: 0 } });
    inputs.forEach((source, port) =>
      edges.push({ id: `e${edges.length}`, source, target: id, targetPort: port }),
    );
    return id;
  };
  let x = add('Input', { shape: [null, 32] });
  for (let motif = 0; nodes.length < NODES - 6; motif++) {
    if (motif % 2 === 0) {
      const h = add('Dense', { units: 64, activation: 'relu' }, x);
      const d = add('Dropout', { rate: 0.1 }, h);
      const y = add('Dense', { units: 32, activation: 'linear' }, d);
      x = add('Activation', { fn: 'gelu' }, add('Add', {}, x, y));
    } else {
      const a = add('Dense', { units: 16 }, x);
      const b = add('Dense', { units: 16, activation: 'tanh' }, x);
      x = add('Dense', { units: 32 }, add('Concatenate', { axis: -1 }, a, b));
    }
  }
  while (nodes.length < NODES - 1) x = add('Dropout', { rate: 0.2 }, x);
  add('Output', { loss: 'mean_squared_error', metrics: [] }, x);
  return { nodes, edges };
}

/** What the editor's store does on an edit: a new graph sharing every untouched node. */
function edit(graph: GraphBody, step: number): GraphBody {
  const index = 1 + ((step * 7919) % (graph.nodes.length - 2));
  const node = graph.nodes[index];
  const params: Record<string, unknown> = { ...node.params };
  if (node.kind === 'Dense') params.activation = step % 2 ? 'relu' : 'swish';
  else if (node.kind === 'Dropout') params.rate = (step % 9) / 10;
  else if (node.kind === 'Activation') params.fn = step % 2 ? 'tanh' : 'gelu';
  const nodes = graph.nodes.slice();
  nodes[index] = { ...node, params, position: { x: node.position.x + 1, y: node.position.y } };
  return { ...graph, nodes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let graph = buildGraph();
const first = analyzeModel(graph);
const errors = first.diagnostics.filter((d) => d.severity === 'error');
if (first.nodes.size !== NODES || errors.length > 0 || first.diagnostics.length > 0) {
  throw new Error(`benchmark graph is not valid: ${JSON.stringify(first.diagnostics.slice(0, 3))}`);
}
const analysis: number[] = [];
const copy: number[] = [];
let sink = 0;
for (let step = 0; step < WARMUP + EDITS; step++) {
  graph = edit(graph, step);
  let t = performance.now();
  const result = analyzeModel(graph);
  const analysed = performance.now() - t;
  t = performance.now();
  const cloned = structuredClone(graph);
  const copied = performance.now() - t;
  sink += result.diagnostics.length + cloned.nodes.length;
  if (step >= WARMUP) {
    analysis.push(analysed);
    copy.push(copied);
  }
}
const a = median(analysis);
const c = median(copy);
console.log(`nodes=${NODES} edges=${graph.edges.length} edits=${EDITS} (checksum ${sink})`);
console.log(
  `RESULT graph-inference ratio=${(c / a).toFixed(2)} analysis=${a.toFixed(3)} ms per edit, deep copy=${c.toFixed(3)} ms`,
);
