import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockDefinition, GraphBody, ModelGraph } from '../graph/document.js';
import { loadProject } from './load.js';
import { OPTIMIZERS, trainingSettingsSchema } from '../training/settings.js';
import { recipeSchema, TASKS, type Recipe } from './recipe.js';
import { CURRENT_FORMAT_VERSION, type Project } from './schema.js';
import { serializeProject } from './serialize.js';

const name = fc.string({ maxLength: 12 });
// JSON has no negative zero: -0 saves as 0, so a project holding -0 cannot round-trip.
const finite = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
  .map((x) => (x === 0 ? 0 : x));
// zod's record parser skips a `__proto__` key, so such params are not a valid project.
const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__');
const param = fc.oneof(fc.integer(), fc.boolean(), name, fc.array(fc.integer(), { maxLength: 4 }));

/** A graph body with unique ids whose edges connect existing nodes. */
const body = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc.record({
      nodes: fc.tuple(
        ...ids.map((id) =>
          fc.record(
            {
              id: fc.constant(id),
              kind: fc.constantFrom('Input', 'Dense', 'Output', 'Block', 'Mystery'),
              name,
              params: fc.dictionary(key, param, { maxKeys: 4 }),
              position: fc.record({ x: finite, y: finite }),
            },
            { requiredKeys: ['id', 'kind', 'params', 'position'] },
          ),
        ),
      ),
      edges: fc.uniqueArray(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 6 }),
          source: fc.constantFrom(...ids),
          target: fc.constantFrom(...ids),
          targetPort: fc.nat(3),
        }),
        { selector: (e) => e.id, maxLength: 6 },
      ),
    }),
  ) satisfies fc.Arbitrary<GraphBody>;

const model: fc.Arbitrary<ModelGraph> = fc
  .record({ id: fc.string({ minLength: 1, maxLength: 6 }), name, body })
  .map(({ body, ...rest }) => ({ ...rest, ...body }));

const block: fc.Arbitrary<BlockDefinition> = fc
  .record({ id: fc.string({ minLength: 1, maxLength: 6 }), name, body })
  .map(({ id, name, body }) => ({
    id,
    name,
    inputs: [body.nodes[0].id],
    output: body.nodes[body.nodes.length - 1].id,
    ...body,
  }));

const project: fc.Arbitrary<Project> = fc
  .record({
    name,
    models: fc.uniqueArray(model, { selector: (m) => m.id, minLength: 1, maxLength: 3 }),
    blocks: fc.uniqueArray(block, { selector: (b) => b.id, maxLength: 2 }),
    task: fc.constantFrom(...TASKS),
    dataset: fc.string({ minLength: 1, maxLength: 10 }),
    optimizer: fc.record({
      name: fc.constantFrom(...OPTIMIZERS),
      learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    }),
    batchSize: fc.integer({ min: 1, max: 65_536 }),
    epochs: fc.integer({ min: 1, max: 1000 }),
    validationSplit: fc.double({ min: 0, max: 0.9, noNaN: true }),
    metadata: fc.option(fc.record({ description: name }, { requiredKeys: [] }), { nil: undefined }),
  })
  .map(({ name, models, blocks, task, metadata, optimizer, ...training }) => {
    const defaults = trainingSettingsSchema.parse({});
    const recipe: Recipe = {
      task,
      model: models[0].id,
      ...(task === 'gan' ? { discriminator: models[models.length - 1].id } : {}),
      ...defaults,
      ...training,
      optimizer: { ...defaults.optimizer, ...optimizer },
    };
    const doc: Project = { formatVersion: CURRENT_FORMAT_VERSION, name, models, blocks, recipe };
    return metadata === undefined ? doc : { ...doc, metadata };
  });

describe('serializeProject', () => {
  it('round-trips: loading what was saved gives the same project, with nothing repaired', () => {
    fc.assert(
      fc.property(project, (p) => {
        const result = loadProject(serializeProject(p));
        expect(result.ok && result.repairs).toEqual([]);
        expect(result.ok && result.project).toEqual(p);
      }),
    );
  });

  it('writes identical text when a loaded project is saved again', () => {
    fc.assert(
      fc.property(project, (p) => {
        const first = serializeProject(p);
        const loaded = loadProject(first);
        expect(loaded.ok && serializeProject(loaded.project)).toBe(first);
      }),
    );
  });

  it('puts formatVersion first and sorts every other key, at every depth', () => {
    const p: Project = {
      formatVersion: CURRENT_FORMAT_VERSION,
      name: 'n',
      models: [
        {
          id: 'm',
          name: 'M',
          nodes: [
            {
              id: 'a',
              kind: 'Dense',
              params: { units: 3, activation: 'relu' },
              position: { y: 1, x: 2 },
            },
          ],
          edges: [],
        },
      ],
      blocks: [],
      recipe: recipeSchema.parse({
        task: 'regression',
        model: 'm',
        dataset: 'd',
        optimizer: { name: 'sgd', learningRate: 0.1 },
        batchSize: 1,
        epochs: 1,
        validationSplit: 0,
      }),
    };
    const text = serializeProject(p);
    const keysInOrder = (json: string) => [...json.matchAll(/"(\w+)":/g)].map((m) => m[1]);
    expect(keysInOrder(text).slice(0, 4)).toEqual(['formatVersion', 'blocks', 'models', 'edges']);
    expect(text).toContain(
      '"params": {\n            "activation": "relu",\n            "units": 3\n',
    );
    expect(text).toContain('"position": {\n            "x": 2,\n            "y": 1\n');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
