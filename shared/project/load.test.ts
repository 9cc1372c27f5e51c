import { describe, expect, it } from 'vitest';
import { fixtureFiles } from './fixtures.js';
import { formatIssue } from './issues.js';
import { loadProject } from './load.js';
import { CURRENT_FORMAT_VERSION } from './schema.js';

const current = () => JSON.parse(fixtureFiles.find((f) => f.version === 2)!.text);
const messages = (text: string) => {
  const result = loadProject(text);
  return result.ok ? result.repairs.map(formatIssue) : result.errors.map(formatIssue);
};

describe('loadProject', () => {
  it('loads every fixture, migrating old ones to the current format', () => {
    for (const fixture of fixtureFiles) {
      const result = loadProject(fixture.text);
      if (!result.ok)
        throw new Error(`${fixture.name}: ${result.errors.map(formatIssue).join('\n')}`);
      expect(result.project.formatVersion).toBe(CURRENT_FORMAT_VERSION);
      expect(result.repairs).toEqual([]);
      expect(result.migratedFrom).toBe(
        fixture.version < CURRENT_FORMAT_VERSION ? fixture.version : undefined,
      );
    }
  });

  it('refuses text that is not JSON', () => {
    const result = loadProject('{ "formatVersion": 2,');
    expect(result.ok).toBe(false);
    expect(messages('{ "formatVersion": 2,')[0]).toMatch(/^the file is not JSON/);
  });

  it('refuses a file from a newer version and says to update', () => {
    const doc = { ...current(), formatVersion: CURRENT_FORMAT_VERSION + 1 };
    expect(messages(JSON.stringify(doc))).toEqual([
      expect.stringMatching(/^formatVersion: the file was saved by a newer Strata .*Update Strata/),
    ]);
  });

  it('refuses JSON that is not a project', () => {
    expect(messages('[1, 2]')[0]).toMatch(/not a Strata project/);
    expect(messages('{"name": "x"}')[0]).toMatch(/^formatVersion: /);
  });

  it('names the JSON path of every bad top-level field', () => {
    const doc = current();
    doc.name = 5;
    doc.recipe.optimizer.learningRate = 'fast';
    doc.recipe.batchSize = 0;
    expect(messages(JSON.stringify(doc))).toEqual([
      'name: expected string, received number',
      'recipe.optimizer.learningRate: expected number, received string',
      'recipe.batchSize: Too small: expected number to be >=1',
    ]);
  });

  it('drops one broken node, reports its bad field, and loads the rest', () => {
    const doc = current();
    doc.models[0].nodes[3].position.x = 'left';
    doc.models[0].edges.pop(); // the edge into the broken node would be dropped too
    const result = loadProject(JSON.stringify(doc));
    if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
    expect(result.repairs.map(formatIssue)).toEqual([
      'models[0].nodes[3].position.x: expected number, received string; the node was dropped',
    ]);
    expect(result.project.models[0].nodes.map((n) => n.id)).toEqual(['in', 'h', 'o']);
    expect(result.project.models[0].edges).toHaveLength(2);
  });

  it('says a field is missing rather than "received undefined"', () => {
    const doc = current();
    delete doc.models[0].nodes[1].kind;
    delete doc.models[0].edges[0].target;
    const result = loadProject(JSON.stringify(doc));
    if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
    expect(result.repairs.map(formatIssue)).toEqual([
      'models[0].nodes[1].kind: expected string, but it is missing; the node was dropped',
      'models[0].edges[0].target: expected string, but it is missing; the edge was dropped',
      expect.stringMatching(/^models\[0\]\.edges\[1\]\.source: no node with id "h"/),
    ]);
  });

  it('drops an edge that refers to a missing node', () => {
    const doc = current();
    doc.models[0].edges.push({ id: 'ghost', source: 'o', target: 'nowhere', targetPort: 0 });
    const result = loadProject(JSON.stringify(doc));
    expect(result.ok && result.repairs.map(formatIssue)).toEqual([
      'models[0].edges[3].target: no node with id "nowhere"; the edge was dropped',
    ]);
    expect(result.ok && result.project.models[0].edges.map((e) => e.id)).toEqual([
      'e1',
      'e2',
      'e3',
    ]);
  });

  it('drops a node whose id repeats an earlier one', () => {
    const doc = current();
    doc.models[0].nodes.push({ ...doc.models[0].nodes[0] });
    expect(messages(JSON.stringify(doc))).toEqual([
      'models[0].nodes[4]: duplicate node id "in"; the node was dropped',
    ]);
  });

  it('refuses a file with no usable model', () => {
    const doc = current();
    doc.models[0].nodes = 'none';
    const errors = messages(JSON.stringify(doc));
    expect(errors).toContain(
      'models[0].nodes: expected array, received string; the model was dropped',
    );
    expect(errors).toContain('models: the file has no usable model');
  });

  it('refuses a recipe that names a model the project lacks', () => {
    const doc = current();
    doc.recipe.model = 'other';
    expect(messages(JSON.stringify(doc))).toEqual(['recipe.model: no model with id "other"']);
  });

  it('drops a block whose port node was dropped', () => {
    const doc = current();
    doc.blocks = [
      {
        id: 'b',
        name: 'Block',
        inputs: ['x'],
        output: 'y',
        nodes: [{ id: 'x', kind: 'Input', params: {}, position: { x: 0, y: 0 } }, { id: 'y' }],
        edges: [],
      },
    ];
    const result = loadProject(JSON.stringify(doc));
    expect(result.ok && result.project.blocks).toEqual([]);
    expect(result.ok && result.repairs.map(formatIssue)).toContain(
      'blocks[0]: port node "y" is missing; the block was dropped',
    );
  });
});
