import { BLOCK_KIND } from '../graph/document.js';
import { thousands } from '../graph/message-text.js';
import type { LoadIssue } from './issues.js';
import type { Project } from './schema.js';

/**
 * How big a project file may be. Each bound is far above real networks (the largest template
 * has under 100 layers; a ResNet-152 drawn layer by layer has about 500; a 1,000-node graph loads
 * in well under a second) and low enough that loading, analysing and printing a file at the
 * limit ends in seconds rather than never. A file over a limit is refused with a message naming
 * the limit and what the file holds. @public
 */
export const PROJECT_LIMITS = {
  /** Characters of file text (a 50,000-node file has about 10 million). */
  fileBytes: 64 * 1024 * 1024,
  /**
   * JSON objects and arrays in the text, counted before parsing: building them is what makes
   * parsing slow (a million empty objects take seconds), so a file of a million nodes is
   * refused before it is parsed. A node is three to five of them, an edge one.
   */
  jsonContainers: 1_000_000,
  /** Objects and arrays inside one another; a project needs about ten levels. */
  jsonDepth: 100,
  /** Models in one project (a GAN has two). */
  models: 100,
  /** Reusable block definitions. */
  blocks: 1_000,
  /** Nodes in every model and block together, as drawn. */
  nodes: 50_000,
  /** Edges in every model and block together, as drawn. */
  edges: 100_000,
  /** Blocks inside blocks: a model using a block that uses another block is depth 2. */
  blockDepth: 16,
  /** Layers of one model once every block is inlined: what analysis and training build. */
  expandedLayers: 100_000,
} as const;

/** `found` is Infinity when counting stopped early because the limit was already passed. */
const over = (path: string, found: number, what: string, limit: number): LoadIssue => ({
  path,
  message: `${found === Infinity ? `more than ${thousands(limit)}` : thousands(found)} ${what}; the limit is ${thousands(limit)}`,
});

/**
 * Checks the size of a file's text in one pass over its characters, before parsing it: its
 * length, how many objects and arrays it holds and how deeply they nest (strings skipped).
 */
export function checkTextSize(text: string): LoadIssue[] {
  const { fileBytes, jsonContainers, jsonDepth } = PROJECT_LIMITS;
  if (text.length > fileBytes) {
    return [over('', text.length, 'characters in the file', fileBytes)];
  }
  let containers = 0;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* backslash: skip the escaped character */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      containers++;
      if (++depth > deepest) deepest = depth;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  const issues: LoadIssue[] = [];
  if (containers > jsonContainers) {
    issues.push(over('', containers, 'JSON objects and arrays in the file', jsonContainers));
  }
  if (deepest > jsonDepth) {
    issues.push(
      over('', deepest, 'levels of JSON objects and arrays inside one another', jsonDepth),
    );
  }
  return issues;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const lengthOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/**
 * Counts models, blocks, nodes and edges of a parsed (unvalidated) document, before any per-item
 * work: a file of a million nodes is refused in the time it takes to read the array lengths.
 */
export function checkDocumentSize(doc: Record<string, unknown>): LoadIssue[] {
  const models = Array.isArray(doc.models) ? doc.models : [];
  const blocks = Array.isArray(doc.blocks) ? doc.blocks : [];
  const issues: LoadIssue[] = [];
  if (models.length > PROJECT_LIMITS.models) {
    issues.push(over('models', models.length, 'models', PROJECT_LIMITS.models));
  }
  if (blocks.length > PROJECT_LIMITS.blocks) {
    issues.push(over('blocks', blocks.length, 'blocks', PROJECT_LIMITS.blocks));
  }
  let nodes = 0;
  let edges = 0;
  for (const graph of [...models, ...blocks]) {
    if (!isRecord(graph)) continue;
    nodes += lengthOf(graph.nodes);
    edges += lengthOf(graph.edges);
  }
  if (nodes > PROJECT_LIMITS.nodes) {
    issues.push(over('', nodes, 'nodes in the models and blocks', PROJECT_LIMITS.nodes));
  }
  if (edges > PROJECT_LIMITS.edges) {
    issues.push(over('', edges, 'edges in the models and blocks', PROJECT_LIMITS.edges));
  }
  return issues;
}

/** How deep a body's blocks nest and how many layers it has once they are inlined. */
interface Expansion {
  depth: number;
  layers: number;
}

/**
 * Checks each model's block nesting depth and inlined layer count without inlining anything:
 * each block's size is computed once and multiplied by its uses, so a block nested 9 deep with
 * ten uses per level (10^9 layers) is refused after visiting 9 blocks. Unknown and recursive
 * blocks count as nothing here; the analysis reports them.
 */
export function checkExpansion(project: Project): LoadIssue[] {
  const library = new Map(project.blocks.map((block) => [block.id, block]));
  const sizes = new Map<string, Expansion>();
  const visiting = new Set<string>();

  const sizeOfBlock = (id: string): Expansion => {
    const known = sizes.get(id);
    if (known) return known;
    const block = library.get(id);
    if (!block || visiting.has(id)) return { depth: 0, layers: 0 };
    visiting.add(id);
    const inner = sizeOfBody(block.nodes, new Set(block.inputs));
    visiting.delete(id);
    const size = { depth: inner.depth + 1, layers: inner.layers };
    sizes.set(id, size);
    return size;
  };

  // Iterative over nodes, recursive over blocks: the recursion is as deep as the nesting,
  // which stops growing at the depth limit because sizes saturate there (see below).
  const sizeOfBody = (
    nodes: Project['models'][number]['nodes'],
    ports: ReadonlySet<string>,
  ): Expansion => {
    let depth = 0;
    let layers = 0;
    for (const node of nodes) {
      if (ports.has(node.id)) continue;
      if (node.kind !== BLOCK_KIND) {
        layers++;
        continue;
      }
      const id = node.params.block;
      if (typeof id !== 'string') continue;
      // Past the depth limit the answer is already "refuse"; going on could exhaust the stack.
      if (visiting.size > PROJECT_LIMITS.blockDepth) return { depth: Infinity, layers };
      const inner = sizeOfBlock(id);
      depth = Math.max(depth, inner.depth);
      layers += inner.layers;
    }
    return { depth, layers };
  };

  const issues: LoadIssue[] = [];
  project.models.forEach((model, i) => {
    const { depth, layers } = sizeOfBody(model.nodes, new Set());
    if (depth > PROJECT_LIMITS.blockDepth) {
      issues.push(
        over(`models[${i}]`, depth, 'levels of blocks inside blocks', PROJECT_LIMITS.blockDepth),
      );
    } else if (layers > PROJECT_LIMITS.expandedLayers) {
      issues.push(
        over(
          `models[${i}]`,
          layers,
          'layers once its blocks are inlined',
          PROJECT_LIMITS.expandedLayers,
        ),
      );
    }
  });
  return issues;
}
