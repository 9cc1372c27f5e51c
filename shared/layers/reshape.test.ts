import { describe, expect, it } from 'vitest';
import { reshapeLayers } from './reshape.js';
import type { TensorShape } from './shape.js';

type Kind = keyof typeof reshapeLayers;

const infer = (kind: Kind, params: Record<string, unknown>, input: TensorShape) => {
  const definition = reshapeLayers[kind];
  return definition.inferShape([input], definition.params.parse(params) as never);
};

/** The issue of a refused shape, failing the test when the shape was accepted. */
function issueOf(kind: Kind, params: Record<string, unknown>, input: TensorShape) {
  const result = infer(kind, params, input);
  if (result.ok) throw new Error(`${kind} accepted ${JSON.stringify(input)}`);
  return result.issue;
}

describe('reshape catalogue', () => {
  it.each(Object.entries(reshapeLayers))('%s has no weights', (_, definition) => {
    const context = { params: definition.params.parse({}) as never, inputs: [], output: [] };
    expect(definition.countParams(context)).toEqual({ trainable: 0, nonTrainable: 0 });
  });

  it('flattens known shapes and refuses unknown lengths', () => {
    expect(infer('Flatten', {}, [7, 7, 64])).toEqual({ ok: true, shape: [3136] });
    const issue = issueOf('Flatten', {}, [null, 4]);
    expect(issue.code).toBe('size-mismatch');
    expect(issue.message).toContain('?×4');
  });

  it('reshapes to sizes that multiply out, filling in one -1', () => {
    expect(infer('Reshape', { targetShape: [-1, 7] }, [28, 28])).toEqual({
      ok: true,
      shape: [112, 7],
    });
    expect(infer('Reshape', { targetShape: [-1, 3] }, [null, 6])).toEqual({
      ok: true,
      shape: [null, 3],
    });
    const mismatch = issueOf('Reshape', { targetShape: [7, 3] }, [4, 5]);
    expect(mismatch.code).toBe('size-mismatch');
    expect(mismatch.message).toMatch(/4×5.*7×3/);
    expect(issueOf('Reshape', { targetShape: [-1, 3] }, [4, 5]).code).toBe('size-mismatch');
    expect(issueOf('Reshape', { targetShape: [4, 3] }, [null, 3]).code).toBe('size-mismatch');
    expect(issueOf('Reshape', { targetShape: [-1, -1] }, [4, 5])).toMatchObject({
      code: 'bad-param',
      param: 'targetShape',
    });
    expect(reshapeLayers.Reshape.params.safeParse({ targetShape: [0, 4] }).success).toBe(false);
  });

  it('permutes axes counted from 1, and refuses orders that are not permutations', () => {
    expect(infer('Permute', { dims: [2, 1] }, [5, 7])).toEqual({ ok: true, shape: [7, 5] });
    expect(infer('Permute', { dims: [3, 1, 2] }, [2, 3, 4])).toEqual({
      ok: true,
      shape: [4, 2, 3],
    });
    expect(issueOf('Permute', { dims: [1, 1] }, [5, 7])).toMatchObject({ code: 'bad-param' });
    const rank = issueOf('Permute', { dims: [2, 1] }, [2, 3, 4]);
    expect(rank.code).toBe('rank-mismatch');
    expect(rank.message).toContain('2×3×4');
  });

  it('repeats vectors only', () => {
    expect(infer('RepeatVector', { n: 4 }, [16])).toEqual({ ok: true, shape: [4, 16] });
    const issue = issueOf('RepeatVector', {}, [3, 4]);
    expect(issue.code).toBe('rank-mismatch');
    expect(issue.message).toMatch(/vector.*3×4/);
  });

  it('grows and shrinks image edges', () => {
    expect(infer('UpSampling2D', { size: [2, 3] }, [5, null, 3])).toEqual({
      ok: true,
      shape: [10, null, 3],
    });
    expect(infer('ZeroPadding2D', { padding: [1, 2, 3, 4] }, [5, 5, 2])).toEqual({
      ok: true,
      shape: [8, 12, 2],
    });
    expect(infer('Cropping2D', { cropping: [1, 2, 0, 3] }, [9, 8, 3])).toEqual({
      ok: true,
      shape: [6, 5, 3],
    });
    const cropped = issueOf('Cropping2D', { cropping: [2, 1, 0, 0] }, [3, 8, 3]);
    expect(cropped.code).toBe('size-mismatch');
    expect(cropped.message).toContain('3×8×3');
    expect(issueOf('UpSampling2D', {}, [28, 28]).code).toBe('rank-mismatch');
  });
});
