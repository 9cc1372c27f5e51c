import { getBezierPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { edgePath, skipRail, type NodeBox } from './edgePath.js';

const edge = (sourceX: number, sourceY: number, targetX: number, targetY: number) => ({
  source: 'a',
  target: 'z',
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition: Position.Bottom,
  targetPosition: Position.Top,
});

/** A column of nodes, left-aligned at x = 0 as the automatic layout leaves them. */
const column: NodeBox[] = [
  { id: 'a', x: 0, y: 0, width: 240, height: 90 },
  { id: 'b', x: 0, y: 150, width: 240, height: 90 },
  { id: 'c', x: 0, y: 300, width: 200, height: 90 },
  { id: 'z', x: 0, y: 450, width: 170, height: 70 },
];

describe('skipRail', () => {
  it('leaves an edge between neighbouring layers alone', () => {
    expect(skipRail(edge(120, 90, 120, 150), column)).toBeUndefined();
  });

  it('leaves a long edge alone when nothing is in its way', () => {
    // Down a second column, right of the first.
    expect(skipRail(edge(400, 90, 420, 450), column)).toBeUndefined();
  });

  it('runs a skip beside the nodes it passes, on the shorter side', () => {
    // Into the Add's left input: round the left edge of the column.
    expect(skipRail(edge(120, 90, 42, 450), column)).toBe(-30);
    // Handles near the right: round the widest node's right edge instead.
    expect(skipRail(edge(200, 90, 160, 450), column)).toBe(270);
  });
});

describe('edgePath', () => {
  it('is the bezier without a rail', () => {
    const p = edge(100, 90, 100, 150);
    expect(edgePath(p)).toEqual(getBezierPath(p).slice(0, 3));
  });

  it('follows the rail between its ends and puts the label on it', () => {
    const [path, labelX, labelY] = edgePath(edge(120, 90, 42, 450), -30);
    expect(path.startsWith('M120,90 ')).toBe(true);
    expect(path.endsWith(' 42,450')).toBe(true);
    expect(path).toContain('L-30,420');
    expect([labelX, labelY]).toEqual([-30, 270]);
  });
});
