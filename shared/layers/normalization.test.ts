import { describe, expect, it } from 'vitest';
import { normalizationLayers } from './normalization.js';
import { applyLayer } from './apply.js';
import type { TensorShape } from './shape.js';

type Kind = keyof typeof normalizationLayers;

/** Shape, counts and multiply-adds of one layer with default parameters. */
const analyse = (kind: Kind, input: TensorShape) =>
  applyLayer(normalizationLayers[kind], normalizationLayers[kind].params.parse({}), [input]);

describe('normalization catalogue', () => {
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
