import type { LayerDefinition } from '../layers/definition.js';
import type { Diagnostic } from './diagnostics.js';
import type { GraphNode } from './document.js';
import { cappedList, thousands } from './message-text.js';

/**
 * Edit distance with adjacent swaps (optimal string alignment), so `filtres` is one edit from
 * `filters`. Inputs are parameter names: short, so the quadratic table is cheap.
 */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

/** Longest parameter name compared by spelling; longer keys are not typos of a known one. */
const COMPARED_LENGTH = 64;

/** The known key nearest to `key` in spelling, when it is near enough to be a typo of it. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  if (key.length > COMPARED_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  // A third of the name may be wrong: `filtres`, `unit`, `kernel_size`, but not `foo` for `axis`.
  return bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

/** Keys listed before saying how many more there are. */
const LISTED_KEYS = 12;
/** Up to this many unknown keys get a warning each; more (a generated file?) get one in all. */
const SEPARATE_WARNINGS = 3;

/**
 * Warns about each stored parameter the layer kind does not have: it is kept in the file but has
 * no effect, so a misspelt `"filtres": 64` would otherwise train with the default 32 filters in
 * silence. A renamed parameter gets a format migration instead, so old files never see this.
 */
export function reportUnknownParams(
  node: GraphNode,
  definition: LayerDefinition,
  out: Diagnostic[],
): void {
  const { label, params } = definition;
  const known = Object.keys(params.shape);
  const unknown = Object.keys(node.params).filter((key) => !Object.hasOwn(params.shape, key));
  const warn = (param: string | undefined, message: string, hint: string) =>
    out.push({
      severity: 'warning',
      code: 'unknown-param',
      message,
      hint,
      target:
        param === undefined
          ? { type: 'node', nodeId: node.id }
          : { type: 'node', nodeId: node.id, param },
    });
  const takes =
    known.length === 0
      ? `${label} takes no parameters`
      : `${label} takes ${cappedList(known, LISTED_KEYS, ', ')}`;

  if (unknown.length > SEPARATE_WARNINGS) {
    const keys = cappedList(
      unknown.map((key) => `"${key}"`),
      LISTED_KEYS,
      ', ',
    );
    warn(
      undefined,
      `${label} has ${thousands(unknown.length)} parameters it does not know, which have no effect: ${keys}.`,
      `Delete them. ${takes}.`,
    );
    return;
  }
  for (const key of unknown) {
    const near = closestKey(key, known);
    if (near === undefined) {
      warn(key, `${label} has no parameter "${key}", so it has no effect.`, `Delete it. ${takes}.`);
    } else {
      warn(
        key,
        `${label} has no parameter "${key}", so it has no effect; did you mean "${near}"?`,
        `Rename "${key}" to "${near}", or delete it.`,
      );
    }
  }
}
