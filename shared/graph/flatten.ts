import { edgeError, nodeError, type Diagnostic } from './diagnostics.js';
import { quoteValue } from './message-text.js';
import {
  BLOCK_KIND,
  type BlockDefinition,
  type GraphBody,
  type GraphEdge,
  type GraphNode,
} from './document.js';

/** A graph with every Block node replaced by its definition's layers, and where each came from. */
export interface FlatGraph {
  graph: GraphBody;
  /** Node ids introduced by inlining → the outermost Block node they came from. */
  nodeOrigin: Map<string, string>;
  /** Edge ids introduced by inlining → the outermost Block node they came from. */
  edgeOrigin: Map<string, string>;
  /** Each expanded Block node → the flat node producing its result (absent when unresolvable). */
  blockOutput: Map<string, string>;
  /** Unknown, recursive or malformed blocks, attributed to the Block nodes that use them. */
  diagnostics: Diagnostic[];
}

/** Separates a Block node's id from the ids of the layers inlined from it. */
export const BLOCK_ID_SEPARATOR = '/';

/** Inlines every Block node (nested blocks too) so that analysis and compilers see plain layers. */
export function flattenBlocks(
  model: GraphBody,
  blocks: readonly BlockDefinition[] = [],
): FlatGraph {
  const library = new Map<string, BlockDefinition>();
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (typeof block === 'object' && block !== null) library.set(block.id, block);
  }
  return flattenBody(model, library, new Map(), []);
}

function flattenBody(
  body: GraphBody,
  library: Map<string, BlockDefinition>,
  memo: Map<string, FlatGraph>,
  stack: readonly string[],
): FlatGraph {
  const flat: FlatGraph = {
    graph: body,
    nodeOrigin: new Map(),
    edgeOrigin: new Map(),
    blockOutput: new Map(),
    diagnostics: [],
  };
  const nodes = Array.isArray(body?.nodes) ? body.nodes : [];
  if (!nodes.some((n) => n?.kind === BLOCK_KIND)) return flat;

  // Resolve each Block node's definition, flattened in turn.
  const expansions = new Map<string, { block: BlockDefinition; inner: FlatGraph }>();
  for (const node of nodes) {
    if (node?.kind !== BLOCK_KIND || typeof node.id !== 'string') continue;
    const block = resolveBlock(node, library, stack, flat.diagnostics);
    if (!block) continue;
    let inner = memo.get(block.id);
    if (!inner) {
      inner = flattenBody(block, library, memo, [...stack, block.id]);
      memo.set(block.id, inner);
    }
    for (const d of inner.diagnostics) flat.diagnostics.push(attribute(d, node));
    expansions.set(node.id, { block, inner });
  }

  const rawEdges: unknown[] = Array.isArray(body.edges) ? body.edges : [];
  const isEdge = (e: unknown): e is GraphEdge =>
    typeof e === 'object' &&
    e !== null &&
    ['id', 'source', 'target'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string');
  const edges = rawEdges.filter(isEdge);
  const known = new Set(nodes.map((n) => n?.id));
  const portSources = new Map<string, (string | undefined)[]>();
  for (const [id, { block }] of expansions) {
    portSources.set(id, new Array<string | undefined>(block.inputs.length).fill(undefined));
  }
  for (const edge of edges) {
    const expansion = expansions.get(edge.target);
    if (!expansion) continue;
    const sources = portSources.get(edge.target)!;
    if (!known.has(edge.source)) {
      flat.diagnostics.push(
        edgeError(
          'dangling-edge',
          edge.id,
          `This connection's source "${edge.source}" does not exist.`,
          'Delete the connection.',
        ),
      );
    } else if (portOf(edge, expansion.block, sources, flat.diagnostics)) {
      sources[edge.targetPort] = edge.source;
    }
  }
  for (const [id, { block }] of expansions) {
    for (const [port, source] of portSources.get(id)!.entries()) {
      if (source !== undefined) continue;
      flat.diagnostics.push(
        nodeError(
          'unconnected-input',
          id,
          `Input ${port + 1} of block "${block.name}" is not connected.`,
          'Connect a layer to this input.',
          { port },
        ),
      );
    }
  }

  const taken = new Set<string | undefined>([...known, ...edges.map((e) => e.id)]);
  const prefixed = (blockNodeId: string, innerId: string) =>
    freshId(`${blockNodeId}${BLOCK_ID_SEPARATOR}${innerId}`, taken);

  // A Block node's result: its output layer, or (pass-through blocks) what feeds that port.
  const idMaps = new Map<string, Map<string, string>>();
  const resolving = new Set<string>();
  const resolve = (id: string): string | undefined => {
    const expansion = expansions.get(id);
    if (!expansion) return id;
    if (resolving.has(id)) return undefined; // pass-through blocks wired in a loop
    resolving.add(id);
    const { block, inner } = expansion;
    const port = block.inputs.indexOf(block.output);
    const source = portSources.get(id)?.[port];
    const result =
      port >= 0
        ? source === undefined
          ? undefined
          : resolve(source)
        : idMaps.get(id)!.get(inner.blockOutput.get(block.output) ?? block.output);
    resolving.delete(id);
    return result;
  };

  const flatNodes: GraphNode[] = [];
  const flatEdges: GraphEdge[] = [];
  for (const node of nodes) {
    const expansion = expansions.get(node?.id);
    if (!expansion) {
      flatNodes.push(node);
      continue;
    }
    const { block, inner } = expansion;
    const ids = new Map<string, string>();
    idMaps.set(node.id, ids);
    for (const innerNode of inner.graph.nodes) {
      if (block.inputs.includes(innerNode.id)) continue;
      const id = prefixed(node.id, innerNode.id);
      ids.set(innerNode.id, id);
      flatNodes.push({ ...innerNode, id });
      flat.nodeOrigin.set(id, node.id);
    }
  }
  for (const [nodeId, { block, inner }] of expansions) {
    const ids = idMaps.get(nodeId)!;
    for (const edge of inner.graph.edges) {
      const port = block.inputs.indexOf(edge.source);
      const outside = port >= 0 ? portSources.get(nodeId)?.[port] : undefined;
      const source = port >= 0 ? (outside === undefined ? undefined : resolve(outside)) : undefined;
      const id = prefixed(nodeId, edge.id);
      flat.edgeOrigin.set(id, nodeId);
      flatEdges.push({
        ...edge,
        id,
        source: port >= 0 ? source : (ids.get(edge.source) ?? prefixed(nodeId, edge.source)),
        target: ids.get(edge.target) ?? prefixed(nodeId, edge.target),
      } as GraphEdge);
    }
    const output = resolve(nodeId);
    if (output !== undefined) flat.blockOutput.set(nodeId, output);
  }
  // Inner edges from an unconnected port have no source: the Block node's port error covers them.
  const kept = flatEdges.filter((e) => e.source !== undefined);
  for (const edge of rawEdges) {
    if (!isEdge(edge))
      kept.push(edge as GraphEdge); // left for the analysis to report
    else if (expansions.has(edge.target)) continue;
    else if (!expansions.has(edge.source)) kept.push(edge);
    else {
      const source = resolve(edge.source);
      if (source !== undefined) kept.push({ ...edge, source });
    }
  }
  flat.graph = { nodes: flatNodes, edges: kept };
  return flat;
}

function resolveBlock(
  node: GraphNode,
  library: Map<string, BlockDefinition>,
  stack: readonly string[],
  out: Diagnostic[],
): BlockDefinition | undefined {
  const id = node.params?.block;
  const block = typeof id === 'string' ? library.get(id) : undefined;
  if (!block) {
    out.push(
      nodeError(
        'unknown-block',
        node.id,
        typeof id === 'string'
          ? `This node uses block "${id}", which the project does not define.`
          : `This Block node does not name the block it uses (its "block" parameter is ${quoteValue(id)}).`,
        'Delete the node, or group layers into a block of that name again.',
        { param: 'block' },
      ),
    );
    return undefined;
  }
  if (stack.includes(block.id)) {
    out.push(
      nodeError(
        'recursive-block',
        node.id,
        `Block "${block.name}" contains itself (${[...stack, block.id].join(' → ')}), so it would never end.`,
        'Remove the inner Block node that uses the block it sits in.',
      ),
    );
    return undefined;
  }
  const nodeIds = new Set((Array.isArray(block.nodes) ? block.nodes : []).map((n) => n?.id));
  const broken =
    !Array.isArray(block.nodes) ||
    !Array.isArray(block.edges) ||
    !Array.isArray(block.inputs) ||
    !nodeIds.has(block.output) ||
    block.inputs.some((input) => !nodeIds.has(input));
  if (broken) {
    out.push(
      nodeError(
        'bad-block',
        node.id,
        // Found by its id, so the id is text; the name may be anything in a hand-edited file.
        `Block "${typeof block.name === 'string' ? block.name : block.id}" is damaged: its input or output layers are missing.`,
        'Expand the block and group its layers again.',
      ),
    );
    return undefined;
  }
  return block;
}

/** Checks an edge into a Block node against the block's ports. */
function portOf(
  edge: GraphEdge,
  block: BlockDefinition,
  taken: (string | undefined)[],
  out: Diagnostic[],
): boolean {
  const port = edge.targetPort;
  const count = block.inputs.length;
  let problem: string | undefined;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port >= count) {
    problem = `Block "${block.name}" takes ${count} input${count === 1 ? '' : 's'}, but this connection goes to input ${typeof port === 'number' ? port + 1 : quoteValue(port)}.`;
  } else if (taken[port] !== undefined) {
    problem = `Input ${port + 1} of block "${block.name}" is already connected.`;
  }
  if (problem === undefined) return true;
  out.push({
    severity: 'error',
    code: typeof port === 'number' && port >= count ? 'extra-input' : 'port-taken',
    message: problem,
    hint: 'Delete the connection.',
    target: { type: 'edge', edgeId: edge.id },
  });
  return false;
}

/** Prefixes messages about layers inside a block, which are shown on the Block node. */
export const INSIDE_BLOCK = 'Inside this block: ';

/** A diagnostic found inside a block, moved onto the Block node that uses it. */
function attribute(d: Diagnostic, node: GraphNode): Diagnostic {
  const message = d.message.startsWith(INSIDE_BLOCK) ? d.message : `${INSIDE_BLOCK}${d.message}`;
  return { ...d, message, target: { type: 'node', nodeId: node.id } };
}

/** `wanted`, or `wanted-2`, `wanted-3`… whichever is not taken yet; records the one returned. */
export function freshId(wanted: string, taken: Set<string | undefined>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}
