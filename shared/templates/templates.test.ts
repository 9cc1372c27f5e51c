import { describe, expect, it } from 'vitest';
import { findDataset } from '../datasets/catalogue.js';
import { analyzeProject } from '../project/analyze.js';
import { loadProject } from '../project/load.js';
import { serializeProject } from '../project/serialize.js';
import { findTemplate, templates } from './index.js';

const REQUIRED = [
  'mlp-mnist',
  'mnist-cnn',
  'lstm-text-classifier',
  'gru-sequence-regressor',
  'transformer-text-classifier',
  'char-gpt',
  'dense-autoencoder',
  'conv-autoencoder',
  'dcgan',
  'resnet-cnn',
  'inception-cnn',
];

describe('built-in templates', () => {
  it('offers every template the start screen promises, each once', () => {
    const names = templates.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...REQUIRED].sort());
  });

  describe.each(templates.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    it('is a project that saves and loads unchanged', () => {
      const loaded = loadProject(serializeProject(t.project));
      expect(loaded.ok && loaded.repairs).toEqual([]);
      expect(loaded.ok && loaded.project).toEqual(t.project);
      expect(t.description.length).toBeGreaterThan(10);
    });

    it('has no error diagnostics against its recipe dataset', () => {
      expect(findDataset(t.project.recipe.dataset)).toBeDefined();
      for (const { model, analysis } of analyzeProject(t.project)) {
        const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
        expect(errors, model.id).toEqual([]);
        for (const node of model.nodes) {
          expect(analysis.nodes.get(node.id)?.shape, `${model.id}/${node.id}`).toBeDefined();
        }
      }
    });

    it('is laid out top to bottom: every edge points down', () => {
      for (const model of t.project.models) {
        const at = new Map(model.nodes.map((n) => [n.id, n.position]));
        for (const edge of model.edges) {
          expect(at.get(edge.source)!.y, edge.id).toBeLessThan(at.get(edge.target)!.y);
        }
        const spots = model.nodes.map((n) => `${n.position.x},${n.position.y}`);
        expect(new Set(spots).size, 'no two nodes on one spot').toBe(spots.length);
      }
    });
  });

  it('mnist-cnn has the 93,322 parameters Keras reports for the same network', () => {
    const cnn = findTemplate('mnist-cnn')!;
    const [{ analysis }] = analyzeProject(cnn.project);
    // Keras' formula, layer by layer: conv k·k·cin·cout + cout, dense in·out + out.
    const conv = (cin: number, cout: number) => 3 * 3 * cin * cout + cout;
    const dense = (inputs: number, units: number) => inputs * units + units;
    const expected =
      conv(1, 32) + conv(32, 64) + conv(64, 64) + dense(3 * 3 * 64, 64) + dense(64, 10);
    expect(expected).toBe(93_322);
    expect(analysis.totals.trainable + analysis.totals.nonTrainable).toBe(93_322);
  });

  it('dcgan pairs a generator with a discriminator that judges its samples', () => {
    const { recipe, models } = findTemplate('dcgan')!.project;
    expect(recipe.task).toBe('gan');
    expect(models.map((m) => m.id)).toEqual([recipe.model, recipe.discriminator]);
  });

  it('char-gpt attends causally, so it cannot peek at the next character', () => {
    const gpt = findTemplate('char-gpt')!.project.models[0];
    const attention = gpt.nodes.filter((n) => n.kind.startsWith('Transformer'));
    expect(attention.length).toBeGreaterThan(0);
    expect(attention.every((n) => n.params.causal === true)).toBe(true);
  });
});
