import { describe, expect, it } from 'vitest';
import { poolingLayers } from './pooling.js';
import { applyLayer } from './apply.js';
import type { TensorShape } from './shape.js';

type Kind = keyof typeof poolingLayers;

/** Shape, counts and multiply-adds of one layer, with its parameters' defaults filled in. */
const analyse = (kind: Kind, params: Record<string, unknown>, input: TensorShape) =>
  applyLayer(poolingLayers[kind], poolingLayers[kind].params.parse(params), [input]);

describe('pooling catalogue', () => {
  it('halves an image with the default 2×2 window, which also sets the stride', () => {
    expect(analyse('MaxPool2D', {}, [26, 26, 32])).toMatchObject({
      shape: [13, 13, 32],
      counts: { trainable: 0, nonTrainable: 0 },
      macs: 13 * 13 * 32 * 4,
    });
    // Odd sizes drop the last partial window: floor((11 - 2) / 2) + 1 = 5.
    expect(analyse('AvgPool2D', {}, [11, 11, 3])).toMatchObject({ shape: [5, 5, 3] });
    expect(analyse('MaxPool2D', { poolSize: [3, 3] }, [10, 10, 1])).toMatchObject({
      shape: [3, 3, 1],
    });
  });

  it('honours explicit strides and same padding', () => {
    const params = { poolSize: [3, 3], strides: [2, 1], padding: 'same' };
    expect(analyse('AvgPool2D', params, [7, 9, 2])).toMatchObject({ shape: [4, 9, 2] });
    expect(analyse('MaxPool1D', { poolSize: 4, strides: 3 }, [13, 2])).toMatchObject({
      shape: [4, 2],
    });
    expect(analyse('AvgPool1D', {}, [null, 8])).toMatchObject({ shape: [null, 8] });
  });

  it('reduces every spatial axis to one value per channel with global pooling', () => {
    expect(analyse('GlobalAvgPool2D', {}, [5, 7, 3])).toMatchObject({ shape: [3], macs: 105 });
    expect(analyse('GlobalMaxPool2D', {}, [null, null, 6])).toMatchObject({ shape: [6] });
    expect(analyse('GlobalMaxPool1D', {}, [null, 4])).toMatchObject({ shape: [4] });
    expect(analyse('GlobalAvgPool1D', {}, [9, 4])).toMatchObject({ shape: [4] });
  });

  it('says which rank it expects, naming the received shape', () => {
    const result = analyse('MaxPool2D', {}, [20, 4]);
    expect(result).toMatchObject({ ok: false, issue: { code: 'rank-mismatch' } });
    if (!result.ok) expect(result.issue.message).toMatch(/height×width×channels.*20×4/);
    expect(analyse('GlobalAvgPool1D', {}, [5, 5, 3])).toMatchObject({
      issue: { code: 'rank-mismatch' },
    });
  });

  it('says when a valid window is larger than the input, naming both', () => {
    const result = analyse('MaxPool2D', { poolSize: [4, 4] }, [3, 3, 1]);
    expect(result).toMatchObject({ ok: false, issue: { code: 'size-mismatch' } });
    if (!result.ok) expect(result.issue.message).toMatch(/4×4.*3×3×1/);
    expect(analyse('MaxPool2D', { poolSize: [4, 4], padding: 'same' }, [3, 3, 1])).toMatchObject({
      shape: [1, 1, 1],
    });
  });
});
