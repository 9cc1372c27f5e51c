import type { ModelAnalysis } from '../../shared/graph/analyze.js';
import type { BlockDefinition, ModelGraph } from '../../shared/graph/document.js';
import { BLOCK_KIND } from '../../shared/graph/document.js';
import { keyParams } from '../canvas/nodeSummary.js';
import { inputPorts } from '../document/ports.js';

/**
 * A layer node's box, computed rather than measured: the canvas draws nodes at this width with
 * fixed line heights (canvas.css), so a layout made before React Flow measures anything (a
 * template's, a worker's) matches what is drawn.
 */
export interface NodeSize {
  width: number;
  height: number;
}

/** The narrowest a node is drawn. */
export const NODE_WIDTH = 200;
/** Horizontal padding and borders inside a node. */
const INSET = 22;
/** Average advance of the 11 px monospace parameter text, and of the 10 px port names. */
export const PARAM_CHAR = 6.8;
export const PORT_CHAR = 6.2;
/** Height of one parameter line, and of the rest of a node (header, footer, padding, borders). */
const PARAM_LINE = 14;
const FRAME = 59;
const PARAMS_GAP = 3;
/** The gap between parameter chips (canvas.css `column-gap`). */
const CHIP_GAP = 12;
/** Room between neighbouring port names above a merge node. */
const PORT_GAP = 10;

/** How wide a node must be so that its port names, spread evenly above it, do not touch. */
export function nodeWidth(ports: readonly string[]): number {
  if (ports.length < 2) return NODE_WIDTH;
  const longest = Math.max(...ports.map((p) => p.length));
  const needed = (ports.length + 1) * (longest * PORT_CHAR + PORT_GAP);
  return Math.max(NODE_WIDTH, Math.ceil(needed / 10) * 10);
}

/** Lines the parameter chips take when wrapped between chips (never inside one) at `width`. */
export function paramLines(params: readonly string[], width: number): number {
  const room = width - INSET;
  let lines = 0;
  let used = Infinity;
  for (const param of params) {
    const chip = Math.min(room, param.length * PARAM_CHAR);
    const gap = CHIP_GAP;
    if (used + gap + chip > room) {
      lines++;
      used = chip;
    } else {
      used += gap + chip;
    }
  }
  return lines;
}

/** The box a node with these ports and parameter chips is drawn in. */
export function nodeSize(ports: readonly string[], params: readonly string[]): NodeSize {
  const width = nodeWidth(ports);
  const lines = paramLines(params, width);
  return { width, height: FRAME + (lines > 0 ? PARAMS_GAP + lines * PARAM_LINE : 0) };
}

/** The parameter chips a node shows: a Block node none (its title names the block). */
export function nodeParams(
  node: ModelGraph['nodes'][number],
  analysis: ModelAnalysis | undefined,
): string[] {
  if (node.kind === BLOCK_KIND) return [];
  return keyParams(analysis?.nodes.get(node.id)?.params ?? node.params);
}

/** Every node's drawn box, for laying out a graph nothing has measured yet. */
export function estimateSizes(
  graph: ModelGraph,
  blocks: readonly BlockDefinition[],
  analysis?: ModelAnalysis,
): Record<string, NodeSize> {
  const sizes: Record<string, NodeSize> = {};
  for (const node of graph.nodes) {
    const ports = inputPorts(node, graph, blocks).names;
    sizes[node.id] = nodeSize(ports.length > 1 ? ports : [], nodeParams(node, analysis));
  }
  return sizes;
}
