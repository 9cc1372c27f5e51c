/** Python's keywords and the names a generated file imports: a variable must not shadow them. */
const RESERVED = new Set([
  ...['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class'],
  ...['continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global'],
  ...['if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return'],
  ...['try', 'while', 'with', 'yield', 'self', 'torch', 'nn', 'F', 'math', 'json', 'struct'],
  ...['tf', 'keras', 'layers', 'np', 'Path', 'super'],
]);

/**
 * A distinct Python identifier for each node id (`conv2d_1` stays, `block/dense` becomes
 * `block_dense`), never a keyword or a name the generated file imports.
 */
export function pythonNames(ids: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `n_${base}`;
    if (RESERVED.has(base)) base = `${base}_`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    names.set(id, name);
  }
  return names;
}

/** A JSON-like value as a Python literal: tuples for arrays, `None`, `True`/`False`. */
export function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = value.map(py);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  throw new Error(`No Python literal for ${typeof value}`);
}

/** Keyword arguments `a=1, b=(2, 3)` from an object, skipping undefined values. */
export function kwargs(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${py(v)}`)
    .join(', ');
}

/** A string as a Python comment-safe single line. */
export function commentLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
