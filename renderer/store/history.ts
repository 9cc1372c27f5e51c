/** One undoable step: its label, and the document on the other side of it. */
export interface HistoryStep<T> {
  label: string;
  document: T;
  /** Steps with the same key in quick succession merge (typing in one field is one step). */
  mergeKey?: string;
  at: number;
}

/** Undo and redo stacks of whole documents; documents are immutable, so snapshots share structure. */
export interface History<T> {
  past: HistoryStep<T>[];
  future: HistoryStep<T>[];
}

/** How many steps undo remembers. */
export const HISTORY_LIMIT = 200;
/** Edits of the same field closer together than this are one step. */
export const MERGE_WINDOW_MS = 1500;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/**
 * Records a step whose state before was `before`. A new step clears redo; a step with the
 * same merge key as the last one, within the merge window, extends it instead.
 */
export function record<T>(
  history: History<T>,
  label: string,
  before: T,
  options: { mergeKey?: string; now?: number } = {},
): History<T> {
  const now = options.now ?? Date.now();
  const last = history.past.at(-1);
  if (
    options.mergeKey !== undefined &&
    last?.mergeKey === options.mergeKey &&
    now - last.at < MERGE_WINDOW_MS &&
    history.future.length === 0
  ) {
    return { past: [...history.past.slice(0, -1), { ...last, at: now }], future: [] };
  }
  const step: HistoryStep<T> = { label, document: before, mergeKey: options.mergeKey, at: now };
  return { past: [...history.past, step].slice(-HISTORY_LIMIT), future: [] };
}

/** Steps back: the document to show and the stacks after; `undefined` when there is nothing to undo. */
export function undo<T>(
  history: History<T>,
  current: T,
): { history: History<T>; document: T } | undefined {
  const step = history.past.at(-1);
  if (!step) return undefined;
  return {
    document: step.document,
    history: {
      past: history.past.slice(0, -1),
      future: [...history.future, { label: step.label, document: current, at: step.at }],
    },
  };
}

/** Steps forward again; `undefined` when there is nothing to redo. */
export function redo<T>(
  history: History<T>,
  current: T,
): { history: History<T>; document: T } | undefined {
  const step = history.future.at(-1);
  if (!step) return undefined;
  return {
    document: step.document,
    history: {
      past: [...history.past, { label: step.label, document: current, at: 0 }],
      future: history.future.slice(0, -1),
    },
  };
}
