import { describe, expect, it } from 'vitest';
import type { ShapeResult } from './definition.js';
import { embeddingLayers } from './embedding.js';

const issueOf = (result: ShapeResult) => (result.ok ? undefined : result.issue);

describe('embedding family', () => {
  const { Embedding, PositionEmbedding, SinusoidalPositionalEncoding } = embeddingLayers;

  it('Embedding maps [steps] ids to [steps, outputDim] with vocabulary × outputDim weights', () => {
    const params = Embedding.params.parse({ inputDim: 100, outputDim: 8 });
    expect(Embedding.inferShape([[null]], params)).toEqual({ ok: true, shape: [null, 8] });
    const counts = Embedding.countParams({ params, inputs: [[12]], output: [12, 8] });
    expect(counts).toEqual({ trainable: 800, nonTrainable: 0 });
  });

  it('Embedding refuses anything but a sequence of ids, naming the shape', () => {
    const issue = issueOf(Embedding.inferShape([[10, 4]], Embedding.params.parse({})));
    expect(issue).toMatchObject({ code: 'rank-mismatch', port: 0 });
    expect(issue?.message).toContain('10×4');
  });

  it('PositionEmbedding keeps the shape and learns maxLength × features weights', () => {
    const params = PositionEmbedding.params.parse({ maxLength: 20 });
    expect(PositionEmbedding.inferShape([[20, 6]], params)).toEqual({ ok: true, shape: [20, 6] });
    expect(
      PositionEmbedding.countParams({ params, inputs: [[5, 6]], output: [5, 6] }).trainable,
    ).toBe(120);
  });

  it('PositionEmbedding refuses a sequence longer than maxLength and points at the parameter', () => {
    const issue = issueOf(
      PositionEmbedding.inferShape([[30, 6]], PositionEmbedding.params.parse({ maxLength: 20 })),
    );
    expect(issue).toMatchObject({ code: 'size-mismatch', param: 'maxLength' });
    expect(issue?.message).toContain('30×6');
    expect(issue?.message).toContain('20');
  });

  it('position layers need [steps, features] with known features', () => {
    for (const layer of [PositionEmbedding, SinusoidalPositionalEncoding]) {
      const params = layer.params.parse({});
      expect(issueOf(layer.inferShape([[8]], params as never))).toMatchObject({
        code: 'rank-mismatch',
      });
      const unknown = issueOf(layer.inferShape([[8, null]], params as never));
      expect(unknown).toMatchObject({ code: 'size-mismatch' });
      expect(unknown?.message).toContain('8×?');
    }
  });
});
