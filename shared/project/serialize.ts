import type { Project } from './schema.js';

/** Objects with sorted keys, so equal documents print identically. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries defines own properties, so a key like `__proto__` stays data.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/**
 * The text of a `.strata` file: pretty JSON with `formatVersion` first and every other key
 * sorted, so saving twice gives the same bytes and version control shows small diffs.
 */
export function serializeProject(project: Project): string {
  const { formatVersion, ...rest } = project;
  const sorted = { formatVersion, ...(sortKeys(rest) as Record<string, unknown>) };
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
