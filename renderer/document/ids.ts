/** A short id not in `taken`, readable in files and errors: `conv2d_3`. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  const stem = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '_') || 'node';
  for (let n = 1; ; n++) {
    const id = `${stem}_${n}`;
    if (!taken.has(id)) return id;
  }
}
