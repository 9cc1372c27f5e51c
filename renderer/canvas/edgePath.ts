import { getBezierPath, type GetBezierPathParams } from '@xyflow/react';

/** Drops longer than this (a layer gap is ~60 px) may pass over a node in between. */
const SKIP_DROP = 150;
/** How far a rail runs beside the nodes it passes, and how far below / above the ends it turns. */
const CLEARANCE = 30;

/** A node's place on the canvas, in flow coordinates. */
export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Ends extends GetBezierPathParams {
  source: string;
  target: string;
}

/**
 * Where a long downward edge (a skip connection) should run to stay clear of the nodes between
 * its ends: just beside them, on whichever side is the shorter way round. Undefined when the
 * edge is short, or nothing is in its way.
 */
export function skipRail(edge: Ends, nodes: Iterable<NodeBox>): number | undefined {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = edge;
  if (ty - sy <= SKIP_DROP) return undefined;
  const [low, high] = [Math.min(sx, tx), Math.max(sx, tx)];
  let left = Infinity;
  let right = -Infinity;
  for (const node of nodes) {
    if (node.id === edge.source || node.id === edge.target) continue;
    const between = node.y < ty && node.y + node.height > sy;
    const across = node.x < high + CLEARANCE && node.x + node.width > low - CLEARANCE;
    if (!between || !across) continue;
    left = Math.min(left, node.x);
    right = Math.max(right, node.x + node.width);
  }
  if (left === Infinity) return undefined;
  const viaLeft = sx + tx - 2 * (left - CLEARANCE);
  const viaRight = 2 * (right + CLEARANCE) - sx - tx;
  return viaLeft < viaRight ? left - CLEARANCE : right + CLEARANCE;
}

/**
 * An edge's path and label position: down from the source, along `rail` (see `skipRail`) and
 * in to the target, with rounded turns, or else React Flow's bezier.
 */
export function edgePath(
  p: GetBezierPathParams,
  rail?: number,
): [path: string, labelX: number, labelY: number] {
  if (rail === undefined) {
    const [path, labelX, labelY] = getBezierPath(p);
    return [path, labelX, labelY];
  }
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = p;
  const turn = Math.min(CLEARANCE, (ty - sy) / 4);
  const path = [
    `M${sx},${sy}`,
    `C${sx},${sy + turn / 2} ${rail},${sy + turn / 2} ${rail},${sy + turn}`,
    `L${rail},${ty - turn}`,
    `C${rail},${ty - turn / 2} ${tx},${ty - turn / 2} ${tx},${ty}`,
  ].join(' ');
  return [path, rail, (sy + ty) / 2];
}
