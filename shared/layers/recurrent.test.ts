import { describe, expect, it } from 'vitest';
import type { ShapeResult } from './definition.js';
import { recurrentLayers } from './recurrent.js';

const issueOf = (result: ShapeResult) => (result.ok ? undefined : result.issue);
const { SimpleRNN, LSTM, GRU, Bidirectional, TimeDistributed } = recurrentLayers;

describe('recurrent family', () => {
  it('counts weights as Keras does (LSTM 4 gates, GRU 3 gates with two biases by default)', () => {
    const [i, u] = [10, 7];
    const rnn = SimpleRNN.countParams({
      params: SimpleRNN.params.parse({ units: u }),
      inputs: [[5, i]],
      output: [u],
    }).trainable;
    expect(rnn).toBe(i * u + u * u + u);
    const lstm = LSTM.countParams({
      params: LSTM.params.parse({ units: u }),
      inputs: [[5, i]],
      output: [u],
    }).trainable;
    expect(lstm).toBe(4 * (i * u + u * u + u));
    const gru = (resetAfter: boolean) =>
      GRU.countParams({
        params: GRU.params.parse({ units: u, resetAfter }),
        inputs: [[5, i]],
        output: [u],
      }).trainable;
    expect(gru(true)).toBe(3 * (i * u + u * u + 2 * u));
    expect(gru(false)).toBe(3 * (i * u + u * u + u));
  });

  it('returns the last state or every step', () => {
    expect(LSTM.inferShape([[9, 3]], LSTM.params.parse({ units: 4 }))).toEqual({
      ok: true,
      shape: [4],
    });
    const all = LSTM.params.parse({ units: 4, returnSequences: true });
    expect(LSTM.inferShape([[null, 3]], all)).toEqual({ ok: true, shape: [null, 4] });
  });

  it('refuses an image or a vector, naming the shape it got', () => {
    for (const shape of [[28, 28, 1], [16]]) {
      const issue = issueOf(GRU.inferShape([shape], GRU.params.parse({})));
      expect(issue).toMatchObject({ code: 'rank-mismatch', port: 0 });
      expect(issue?.message).toContain(shape.join('×'));
    }
  });

  it('Bidirectional doubles the features only when concatenating, and the weights always', () => {
    const params = (mergeMode: string) =>
      Bidirectional.params.parse({ layer: 'GRU', units: 5, mergeMode });
    expect(Bidirectional.inferShape([[7, 3]], params('concat'))).toEqual({ ok: true, shape: [10] });
    expect(Bidirectional.inferShape([[7, 3]], params('ave'))).toEqual({ ok: true, shape: [5] });
    const counts = Bidirectional.countParams({
      params: params('sum'),
      inputs: [[7, 3]],
      output: [5],
    });
    expect(counts.trainable).toBe(2 * 3 * (3 * 5 + 5 * 5 + 2 * 5));
  });

  it('TimeDistributed applies a Dense to the last axis of each step', () => {
    const params = TimeDistributed.params.parse({ units: 6 });
    expect(TimeDistributed.inferShape([[4, 3, 2]], params)).toEqual({ ok: true, shape: [4, 3, 6] });
    expect(
      TimeDistributed.countParams({ params, inputs: [[4, 2]], output: [4, 6] }).trainable,
    ).toBe(2 * 6 + 6);
    const issue = issueOf(TimeDistributed.inferShape([[12]], params));
    expect(issue).toMatchObject({ code: 'rank-mismatch' });
    expect(issue?.message).toContain('12');
    expect(issueOf(TimeDistributed.inferShape([[4, null]], params))).toMatchObject({
      code: 'size-mismatch',
    });
  });
});
