import { describe, expect, it } from 'vitest';
import type { BlockDefinition, GraphNode, ModelGraph } from '../graph/document.js';
import { templates } from '../templates/index.js';
import { formatIssue } from './issues.js';
import { PROJECT_LIMITS } from './limits.js';
import { loadProject } from './load.js';
import type { Project } from './schema.js';
import { serializeProject } from './serialize.js';

const base = (): Project => structuredClone(templates[0].project);

const layer = (id: string, kind = 'Dense', params: Record<string, unknown> = { units: 4 }) =>
  ({ id, kind, params, position: { x: 0, y: 0 } }) satisfies GraphNode;

/** Input → `n` Dense layers → Output, as the model the recipe trains. */
function chainModel(project: Project, n: number): ModelGraph {
  const nodes = [layer('in', 'Input', { shape: [8] })];
  for (let i = 0; i < n; i++) nodes.push(layer(`d${i}`));
  nodes.push(layer('out', 'Output', {}));
  const edges = nodes.slice(1).map((node, i) => ({
    id: `e${i}`,
    source: nodes[i].id,
    target: node.id,
    targetPort: 0,
  }));
  return { id: project.recipe.model, name: 'chain', nodes, edges };
}

/**
 * Blocks `b0`…`b{depth-1}`: `b0` holds `fanOut` Dense layers, each further block uses the one
 * below `fanOut` times, so the top one inlines to fanOut^depth layers; the model uses it once.
 */
function nested(depth: number, fanOut: number): Project {
  const project = base();
  const blocks: BlockDefinition[] = [];
  for (let level = 0; level < depth; level++) {
    const inner =
      level === 0
        ? Array.from({ length: fanOut }, (_, k) => layer(`x${k}`))
        : Array.from({ length: fanOut }, (_, k) =>
            layer(`u${k}`, 'Block', { block: `b${level - 1}` }),
          );
    blocks.push({
      id: `b${level}`,
      name: `level ${level}`,
      inputs: ['in'],
      output: inner[inner.length - 1].id,
      nodes: [layer('in', 'Input', { shape: [4] }), ...inner],
      edges: [],
    });
  }
  const model = chainModel(project, 0);
  model.nodes.splice(1, 0, layer('top', 'Block', { block: `b${depth - 1}` }));
  project.models = [model];
  project.blocks = blocks;
  return project;
}

const refusal = (text: string) => {
  const result = loadProject(text);
  if (result.ok) throw new Error('the file loaded');
  return result.errors.map(formatIssue);
};

describe('project file limits', () => {
  it('loads every template and a 1,000-layer graph', () => {
    for (const { project } of templates) {
      expect(loadProject(serializeProject(project)).ok).toBe(true);
    }
    const project = base();
    project.models = [chainModel(project, 1_000)];
    const result = loadProject(serializeProject(project));
    expect(result.ok && result.project.models[0].nodes.length).toBe(1_002);
  }, 60_000);

  it('refuses a million nodes before parsing them', () => {
    const project = base();
    const doc = { ...project, models: [{ ...project.models[0], nodes: new Array(1e6).fill({}) }] };
    // Parsing a million objects alone takes seconds; they are counted in the text instead.
    expect(refusal(JSON.stringify(doc))).toEqual([
      expect.stringMatching(
        /^1,000,\d{3} JSON objects and arrays in the file; the limit is 1,000,000$/,
      ),
    ]);
  }, 60_000);

  it('refuses more nodes than the limit from their count, before checking each one', () => {
    const project = base();
    const nodes = new Array(PROJECT_LIMITS.nodes).fill(0);
    const doc = { ...project, models: [{ ...project.models[0], nodes }], blocks: [{ nodes }] };
    // Each `0` would be a repair of its own if the nodes were checked.
    expect(refusal(JSON.stringify(doc))).toEqual([
      '100,000 nodes in the models and blocks; the limit is 50,000',
    ]);
  });

  it('refuses JSON nested deeper than a project needs', () => {
    const doc = { ...base(), metadata: JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) };
    expect(refusal(JSON.stringify(doc))).toEqual([
      '501 levels of JSON objects and arrays inside one another; the limit is 100',
    ]);
  });

  it('refuses more models, blocks or edges than the limits, naming each', () => {
    const project = base();
    const model = project.models[0];
    const many = <T>(n: number, make: (i: number) => T) =>
      Array.from({ length: n }, (_, i) => make(i));
    const doc = {
      ...project,
      models: many(PROJECT_LIMITS.models + 1, (i) => ({ ...model, id: `m${i}` })),
      blocks: many(PROJECT_LIMITS.blocks + 5, () => ({ nodes: [], edges: new Array(100).fill(0) })),
    };
    expect(refusal(JSON.stringify(doc))).toEqual([
      'models: 101 models; the limit is 100',
      'blocks: 1,005 blocks; the limit is 1,000',
      expect.stringMatching(/^[\d,]+ edges in the models and blocks; the limit is 100,000$/),
    ]);
  });

  it('refuses a block nested 9 deep with 10 uses per level without inlining it', () => {
    // Inlined, this is 10^9 layers: counting them must not build them.
    expect(refusal(serializeProject(nested(9, 10)))).toEqual([
      'models[0]: 1,000,000,002 layers once its blocks are inlined; the limit is 100,000',
    ]);
  }, 60_000);

  it('refuses blocks nested deeper than the limit, however thin', () => {
    expect(refusal(serializeProject(nested(PROJECT_LIMITS.blockDepth + 1, 1)))).toEqual([
      'models[0]: 17 levels of blocks inside blocks; the limit is 16',
    ]);
    expect(refusal(serializeProject(nested(200, 1)))).toEqual([
      'models[0]: more than 16 levels of blocks inside blocks; the limit is 16',
    ]);
    expect(loadProject(serializeProject(nested(PROJECT_LIMITS.blockDepth, 2))).ok).toBe(true);
  });

  it('refuses text longer than the file limit before parsing it', () => {
    const text = ' '.repeat(PROJECT_LIMITS.fileBytes + 1);
    expect(refusal(text)).toEqual(['67,108,865 characters in the file; the limit is 67,108,864']);
  });
});
