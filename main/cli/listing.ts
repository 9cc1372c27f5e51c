import { thousands } from '../../shared/graph/message-text.js';

/** Most problems a command lists for one model (or, for repairs, one file); the rest are counted. */
export const LISTED_PROBLEMS = 100;

/**
 * Prints the first {@link LISTED_PROBLEMS} items, then one line saying how many more there are:
 * a file with 40,000 broken nodes gets a screenful, not 40,000 lines.
 */
export function printSome<T>(
  items: readonly T[],
  print: (item: T) => void,
  rest: (line: string) => void,
  where: string,
): void {
  items.slice(0, LISTED_PROBLEMS).forEach(print);
  const left = items.length - LISTED_PROBLEMS;
  if (left > 0) rest(`… and ${thousands(left)} more ${where}, not listed.`);
}
