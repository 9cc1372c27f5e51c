import type { z } from 'zod';

/** `93322` → `93,322`: counts as messages and tables print them. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The first `max` items joined by `separator`, then how many were left out:
 * `a → b → … (29,990 more)`. Keeps a message about a huge graph a line long.
 */
export function cappedList(items: readonly string[], max: number, separator: string): string {
  if (items.length <= max) return items.join(separator);
  const rest = items.length - max;
  return `${items.slice(0, max).join(separator)}${separator}… (${thousands(rest)} more)`;
}

/**
 * A value read from a file as a message quotes it: `"dense1"` for text, `3` for a number, and
 * what it is otherwise (`missing`, `null`, `a list`), so no message ever says "undefined".
 */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * One zod issue in the words a person reads: zod's "Invalid input:" preamble dropped, and its
 * "expected string, received undefined" (a field the file lacks) said as "expected string, but
 * it is missing".
 */
export function zodMessage(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid (input|option): /, '');
  if (issue.code === 'invalid_type' && / received undefined$/.test(message)) {
    return `expected ${issue.expected}, but it is missing`;
  }
  return message;
}
