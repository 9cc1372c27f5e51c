import { describe, expect, it } from 'vitest';
import { emptyHistory, HISTORY_LIMIT, MERGE_WINDOW_MS, record, redo, undo } from './history.js';

describe('undo history', () => {
  it('undoes and redoes a step, restoring both documents', () => {
    const history = record(emptyHistory<string>(), 'Add Dense', 'before');
    const back = undo(history, 'after')!;
    expect(back.document).toBe('before');
    const forward = redo(back.history, back.document)!;
    expect(forward.document).toBe('after');
    expect(forward.history.past.map((s) => s.label)).toEqual(['Add Dense']);
  });

  it('has nothing to undo or redo when empty', () => {
    expect(undo(emptyHistory<string>(), 'x')).toBeUndefined();
    expect(redo(emptyHistory<string>(), 'x')).toBeUndefined();
  });

  it('clears redo when a new step is recorded', () => {
    const history = record(emptyHistory<string>(), 'A', 'a');
    const back = undo(history, 'b')!;
    expect(record(back.history, 'C', 'a').future).toEqual([]);
  });

  it('merges edits of one field made in quick succession', () => {
    let history = record(emptyHistory<string>(), 'Change units', 'v0', {
      mergeKey: 'n:units',
      now: 0,
    });
    history = record(history, 'Change units', 'v1', {
      mergeKey: 'n:units',
      now: MERGE_WINDOW_MS / 2,
    });
    expect(history.past).toHaveLength(1);
    expect(undo(history, 'v2')!.document).toBe('v0');
  });

  it('keeps edits of one field apart when they are further apart than the merge window', () => {
    let history = record(emptyHistory<string>(), 'Change units', 'v0', { mergeKey: 'k', now: 0 });
    history = record(history, 'Change units', 'v1', { mergeKey: 'k', now: MERGE_WINDOW_MS + 1 });
    expect(history.past).toHaveLength(2);
  });

  it('forgets the oldest steps beyond the limit', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = record(history, `step ${i}`, i);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0].document).toBe(5);
  });
});
