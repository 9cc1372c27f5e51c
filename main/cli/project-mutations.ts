/**
 * Seeded mutations of project files, for the CLI's fuzz test: the kinds of damage a file meets in
 * the wild (flipped bytes, a cut-off save, hand edits of the wrong type) and the kinds a hostile
 * file carries (huge arrays, deep nesting, blocks that multiply, control characters in names).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

interface Slot {
  parent: Container;
  key: string | number;
}

/** What one mutation produced: the file's text and a short name for failure reports. */
export interface Mutant {
  kind: string;
  text: string;
}

export class Mutator {
  constructor(private readonly random: () => number) {}

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Every value inside `doc` with where it sits, for choosing one to damage. */
  private slots(doc: Json): Slot[] {
    const found: Slot[] = [];
    const stack: Json[] = [doc];
    while (stack.length > 0) {
      const value = stack.pop()!;
      if (typeof value !== 'object' || value === null) continue;
      const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
      for (const key of keys) {
        found.push({ parent: value, key });
        stack.push((value as Record<string | number, Json>)[key]);
      }
    }
    return found;
  }

  private get(slot: Slot): Json {
    return (slot.parent as Record<string | number, Json>)[slot.key];
  }

  private set(slot: Slot, value: Json): void {
    (slot.parent as Record<string | number, Json>)[slot.key] = value;
  }

  /** A value of some other type than what was there, including the awkward ones. */
  private strangeValue(): Json {
    return this.pick<() => Json>([
      () => null,
      () => true,
      () => 0,
      () => -1,
      () => 1.5,
      () => 1e300,
      () => -2147483649,
      () => '',
      () => 'x',
      () => '__proto__',
      () => 'constructor',
      () => '\u001b[31mred\u001b[0m\r\n',
      () => '\u202eevil',
      () => [],
      () => [1, 'two', null],
      () => ({}),
      // Parsed, so `__proto__` is an own key as in a file, not the literal's prototype.
      () => JSON.parse('{"__proto__": {"polluted": true}}') as Json,
      () => ({ id: 'x', kind: 'Dense' }),
    ])();
  }

  private textMutations: Record<string, (text: string) => string> = {
    'flip bytes': (text) => {
      const chars = [...text];
      const flips = 1 + this.int(8);
      for (let i = 0; i < flips; i++) {
        const at = this.int(chars.length);
        chars[at] = String.fromCharCode(chars[at].charCodeAt(0) ^ (1 << this.int(8)));
      }
      return chars.join('');
    },
    truncate: (text) => text.slice(0, this.int(text.length)),
    'insert junk': (text) => {
      const at = this.int(text.length);
      const junk = this.pick(['{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'null', '1e999']);
      return text.slice(0, at) + junk + text.slice(at);
    },
  };

  private docMutations: Record<string, (doc: Json) => void> = {
    'wrong type': (doc) => {
      const slots = this.slots(doc);
      for (let i = 1 + this.int(3); i > 0; i--) this.set(this.pick(slots), this.strangeValue());
    },
    'delete key': (doc) => {
      const slots = this.slots(doc).filter((s) => !Array.isArray(s.parent));
      for (let i = 1 + this.int(3); i > 0; i--) {
        const slot = this.pick(slots);
        delete (slot.parent as Record<string, Json>)[slot.key];
      }
    },
    'swap values': (doc) => {
      const slots = this.slots(doc);
      const [a, b] = [this.pick(slots), this.pick(slots)];
      const [va, vb] = [this.get(a), this.get(b)];
      this.set(a, structuredClone(vb));
      this.set(b, structuredClone(va));
    },
    'duplicate items': (doc) => {
      const arrays = this.slots(doc)
        .map((s) => this.get(s))
        .filter((v): v is Json[] => Array.isArray(v) && v.length > 0);
      if (arrays.length === 0) return;
      const array = this.pick(arrays);
      for (let i = 1 + this.int(3); i > 0; i--) array.push(structuredClone(this.pick(array)));
    },
    'names with controls': (doc) => {
      for (const slot of this.slots(doc)) {
        if ((slot.key === 'name' || slot.key === 'id') && this.random() < 0.5) {
          this.set(slot, `${String(this.get(slot))}\u001b]0;title\u0007\u001b[2J\r\u009b`);
        }
      }
    },
  };

  /** Structures far larger or deeper than a project: each should be refused or bounded. */
  private hugeMutations: Record<string, (doc: Json) => void> = {
    'a huge name': (doc) => {
      (doc as Record<string, Json>).name = `${'long name '.repeat(100_000)}\u001b[31m`;
    },
    'deep nesting': (doc) => {
      let deep: Json = 1;
      for (let i = 0, depth = this.pick([50, 99, 150, 5_000]); i < depth; i++) deep = [deep];
      this.set(this.pick(this.slots(doc)), deep);
    },
    'a huge shape': (doc) => {
      const inputs = this.nodes(doc).filter((n) => n.kind === 'Input');
      if (inputs.length > 0) {
        (this.pick(inputs).params as Record<string, Json>).shape = new Array(100_000).fill(7);
      }
    },
    'too many nodes': (doc) => {
      const model = this.models(doc)[0];
      const nodes = model?.nodes;
      if (!Array.isArray(nodes) || nodes.length === 0) return;
      const copy = nodes[0];
      model.nodes = Array.from({ length: 60_000 }, (_, i) => ({
        ...(copy as Record<string, Json>),
        id: `n${i}`,
      }));
    },
    'too many models': (doc) => {
      const [model] = this.models(doc);
      if (!model) return;
      (doc as Record<string, Json>).models = Array.from({ length: 150 }, (_, i) => ({
        ...model,
        id: `m${i}`,
      }));
    },
    'a long loop': (doc) => {
      const [model] = this.models(doc);
      if (!model) return;
      const count = 2_000;
      model.nodes = Array.from({ length: count }, (_, i): Json => ({
        id: `r${i}`,
        kind: i === 0 ? 'Add' : 'Dense',
        params: i === 0 ? {} : { units: 3 },
        position: { x: 0, y: i },
      }));
      model.edges = Array.from({ length: count }, (_, i) => ({
        id: `e${i}`,
        source: `r${i}`,
        target: `r${(i + 1) % count}`,
        targetPort: 0,
      }));
    },
    'blocks that multiply': (doc) => {
      const [model] = this.models(doc);
      if (!model) return;
      const depth = 9;
      const blocks: Json[] = [];
      for (let level = 0; level < depth; level++) {
        const params: Json = level === 0 ? { units: 2 } : { block: `b${level - 1}` };
        const uses = Array.from({ length: 10 }, (_, k) => ({
          id: `u${k}`,
          kind: level === 0 ? 'Dense' : 'Block',
          params,
          position: { x: 0, y: k },
        }));
        blocks.push({
          id: `b${level}`,
          name: `level ${level}`,
          inputs: ['in'],
          output: 'u9',
          nodes: [
            { id: 'in', kind: 'Input', params: { shape: [2] }, position: { x: 0, y: 0 } },
            ...uses,
          ],
          edges: uses.map((u, k) => ({
            id: `e${k}`,
            source: k === 0 ? 'in' : `u${k - 1}`,
            target: u.id,
            targetPort: 0,
          })),
        });
      }
      (doc as Record<string, Json>).blocks = blocks;
      (model.nodes as Json[]).push({
        id: 'top',
        kind: 'Block',
        params: { block: `b${depth - 1}` },
        position: { x: 0, y: 0 },
      });
    },
    'many unknown parameters': (doc) => {
      const nodes = this.nodes(doc);
      if (nodes.length === 0) return;
      const params = this.pick(nodes).params as Record<string, Json>;
      for (let i = 0; i < 20_000; i++) params[`p${i}`] = i;
    },
  };

  private models(doc: Json): Record<string, Json>[] {
    const models = (doc as Record<string, Json>).models;
    return Array.isArray(models)
      ? models.filter((m): m is Record<string, Json> => typeof m === 'object' && m !== null)
      : [];
  }

  private nodes(doc: Json): Record<string, Json>[] {
    return this.models(doc).flatMap((m) =>
      Array.isArray(m.nodes)
        ? m.nodes.filter(
            (n): n is Record<string, Json> =>
              typeof n === 'object' &&
              n !== null &&
              !Array.isArray(n) &&
              typeof n.params === 'object',
          )
        : [],
    );
  }

  /**
   * One damaged copy of `text`: mostly small damage (byte flips, cut-offs, wrong types), and
   * with probability `hugeShare` one of the huge structures, whose files are slow to build.
   */
  mutate(text: string, hugeShare: number): Mutant {
    if (this.random() < hugeShare) {
      const kind = this.pick(Object.keys(this.hugeMutations));
      const doc = JSON.parse(text) as Json;
      this.hugeMutations[kind](doc);
      return { kind, text: JSON.stringify(doc) };
    }
    if (this.random() < 0.4) {
      const kind = this.pick(Object.keys(this.textMutations));
      return { kind, text: this.textMutations[kind](text) };
    }
    const doc = JSON.parse(text) as Json;
    const kinds: string[] = [];
    for (let i = 1 + this.int(2); i > 0; i--) {
      const kind = this.pick(Object.keys(this.docMutations));
      kinds.push(kind);
      this.docMutations[kind](doc);
    }
    return {
      kind: kinds.join(' + '),
      text: JSON.stringify(doc, null, this.random() < 0.5 ? 2 : 0),
    };
  }
}
