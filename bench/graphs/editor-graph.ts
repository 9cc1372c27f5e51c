import type { GraphEdge, GraphNode } from '../../shared/graph/document.js';
import { recipeSchema } from '../../shared/project/recipe.js';
import { CURRENT_FORMAT_VERSION, type Project } from '../../shared/project/schema.js';

/** Columns of the grid the benchmark graph is laid out on, and the spacing between cells. */
const COLUMNS = 25;
const CELL = { x: 300, y: 160 };

/** The name of the `i`th node, which is also its title on the canvas. */
export const nodeName = (i: number) => `layer-${i}`;

/**
 * A valid MNIST classifier of `count` nodes on a grid: Input, Flatten, a long chain of Dense 64,
 * a Dense 10 with softmax and the Output. Every node is named `layer-<i>` so the benchmark can
 * find it on the canvas; the grid's middle node sits in the middle of the fitted view.
 */
export function chainProject(count: number): Project {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const add = (kind: string, params: Record<string, unknown>) => {
    const i = nodes.length;
    const id = `n${i}`;
    const position = { x: (i % COLUMNS) * CELL.x, y: Math.floor(i / COLUMNS) * CELL.y };
    nodes.push({ id, kind, name: nodeName(i), params, position });
    if (i > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, target: id, targetPort: 0 });
  };
  add('Input', { shape: [28, 28, 1] });
  add('Flatten', {});
  while (nodes.length < count - 2) add('Dense', { units: 64, activation: 'relu' });
  add('Dense', { units: 10, activation: 'softmax' });
  add('Output', { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: `${count} layers`,
    models: [{ id: 'model', name: 'Model', nodes, edges }],
    blocks: [],
    recipe: recipeSchema.parse({
      task: 'classification',
      model: 'model',
      dataset: 'mnist',
      batchSize: 64,
      epochs: 1,
    }),
  };
}

/** Index of the node nearest the middle of the grid (where a fitted view is centred). */
export function middleNode(count: number): number {
  const rows = Math.ceil(count / COLUMNS);
  return Math.min(count - 3, Math.floor(rows / 2) * COLUMNS + Math.floor(COLUMNS / 2));
}

/**
 * A residual MLP of about `count` nodes, all at the origin (as an imported or generated model
 * might arrive): Input, Dense, then blocks of Dense → Dense → Add with a skip around them, and
 * the Output. What Auto layout is timed on.
 */
export function residualProject(count: number): Project {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const add = (kind: string, params: Record<string, unknown>, inputs: string[]) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, kind, name: nodeName(nodes.length), params, position: { x: 0, y: 0 } });
    inputs.forEach((source, port) =>
      edges.push({ id: `e${edges.length}`, source, target: id, targetPort: port }),
    );
    return id;
  };
  let last = add('Dense', { units: 64 }, [add('Input', { shape: [784] }, [])]);
  while (nodes.length < count - 4) {
    const inner = add('Dense', { units: 64 }, [add('Dense', { units: 64 }, [last])]);
    last = add('Add', {}, [last, inner]);
  }
  add('Output', {}, [add('Dense', { units: 10, activation: 'softmax' }, [last])]);
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: `${count} layers, residual`,
    models: [{ id: 'model', name: 'Model', nodes, edges }],
    blocks: [],
    recipe: recipeSchema.parse({
      task: 'classification',
      model: 'model',
      dataset: 'mnist-flat',
      batchSize: 64,
      epochs: 1,
    }),
  };
}
