import { describe, expect, it } from 'vitest';
import { attentionLayers } from './attention.js';
import type { ShapeResult } from './definition.js';

const issueOf = (result: ShapeResult) => (result.ok ? undefined : result.issue);
const { MultiHeadAttention } = attentionLayers;

describe('MultiHeadAttention', () => {
  const params = MultiHeadAttention.params.parse({ numHeads: 4, keyDim: 8, valueDim: 0 });

  it('outputs the query’s shape, for self- and cross-attention', () => {
    expect(MultiHeadAttention.inferShape([[10, 16]], params)).toEqual({
      ok: true,
      shape: [10, 16],
    });
    expect(
      MultiHeadAttention.inferShape(
        [
          [null, 16],
          [30, 7],
        ],
        params,
      ),
    ).toEqual({
      ok: true,
      shape: [null, 16],
    });
    expect(MultiHeadAttention.portNames).toEqual(['query', 'key/value']);
  });

  it('counts Keras’ projections: q, k, v with biases, output back to the query size', () => {
    const [dq, dkv, h, k] = [16, 7, 4, 8];
    const query = dq * h * k + h * k;
    const key = dkv * h * k + h * k;
    const value = dkv * h * k + h * k; // valueDim 0 means keyDim
    const output = h * k * dq + dq;
    const counts = MultiHeadAttention.countParams({
      params,
      inputs: [
        [10, dq],
        [30, dkv],
      ],
      output: [10, dq],
    });
    expect(counts.trainable).toBe(query + key + value + output);
  });

  it('names the port and shape it cannot attend over', () => {
    const issue = issueOf(
      MultiHeadAttention.inferShape(
        [
          [10, 16],
          [4, 4, 3],
        ],
        params,
      ),
    );
    expect(issue).toMatchObject({ code: 'rank-mismatch', port: 1 });
    expect(issue?.message).toContain('4×4×3');
    const unknown = issueOf(MultiHeadAttention.inferShape([[10, null]], params));
    expect(unknown).toMatchObject({ code: 'size-mismatch', port: 0 });
    expect(unknown?.message).toContain('10×?');
  });
});
