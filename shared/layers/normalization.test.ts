import { describe, expect, it } from 'vitest';
import { normalizationLayers } from './normalization.js';
import type { TensorShape } from './shape.js';

type Kind = keyof typeof normalizationLayers;

function analyse(kind: Kind, input: TensorShape) {
  const definition = normalizationLayers[kind];
  const parsed = definition.params.parse({}) as never;
  const result = definition.inferShape([input], parsed);
  if (!result.ok) return result;
  const context = { params: parsed, inputs: [input], output: result.shape };
  return {
    ...result,
    counts: definition.countParams(context),
    macs: definition.countMacs(context),
  };
}

describe('normalization catalogue', () => {
  it.each(Object.entries(normalizationLayers))(
    '%s is keyed by its kind, documented, and defaults every parameter',
    (key, definition) => {
      expect(definition.kind).toBe(key);
      expect(definition.docs).toMatch(/^[^\n]+\.$/);
      expect(definition.params.safeParse({}).success).toBe(true);
      for (const [name, schema] of Object.entries(definition.params.shape)) {
        expect(schema.description, name).toBeTruthy();
      }
    },
  );

  it('counts BatchNormalization as Keras does: 4 per channel, 2 of them not trainable', () => {
    // Keras: BatchNormalization on (None, 13, 13, 64) has 256 params, 128 non-trainable.
    expect(analyse('BatchNormalization', [13, 13, 64])).toMatchObject({
      shape: [13, 13, 64],
      counts: { trainable: 128, nonTrainable: 128 },
    });
  });

  it('counts LayerNormalization as a scale and shift per feature', () => {
    expect(analyse('LayerNormalization', [null, 512])).toMatchObject({
      shape: [null, 512],
      counts: { trainable: 1024, nonTrainable: 0 },
    });
  });

  it('needs known features and at most three axes, naming the received shape', () => {
    const unknown = analyse('BatchNormalization', [4, null]);
    expect(unknown).toMatchObject({ ok: false, issue: { code: 'size-mismatch' } });
    if (!unknown.ok) expect(unknown.issue.message).toContain('4×?');
    const deep = analyse('LayerNormalization', [2, 3, 4, 5]);
    expect(deep).toMatchObject({ ok: false, issue: { code: 'rank-mismatch' } });
    if (!deep.ok) expect(deep.issue.message).toContain('2×3×4×5');
  });
});
