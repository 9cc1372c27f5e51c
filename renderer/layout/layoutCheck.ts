import type { ModelAnalysis } from '../../shared/graph/analyze.js';
import type { BlockDefinition, ModelGraph } from '../../shared/graph/document.js';
import { formatShape } from '../../shared/layers/shape.js';
import { edgePath, skipRail, type NodeBox } from '../canvas/edgePath.js';
import { inputPorts } from '../document/ports.js';
import { PORT_CHAR, type NodeSize } from './nodeSize.js';

/** A rectangle in flow coordinates. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box, margin = 0) =>
  a.x < b.x + b.width + margin &&
  b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin &&
  b.y < a.y + a.height + margin;

const inside = (p: { x: number; y: number }, b: Box, inset: number) =>
  p.x > b.x + inset &&
  p.x < b.x + b.width - inset &&
  p.y > b.y + inset &&
  p.y < b.y + b.height - inset;

/** Points along an SVG path of M, L and C commands (what `edgePath` draws). */
export function samplePath(path: string, steps = 24): { x: number; y: number }[] {
  const tokens = path.match(/[MLC]|-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? [];
  const points: { x: number; y: number }[] = [];
  let at = { x: 0, y: 0 };
  let i = 0;
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      at = { x: num(), y: num() };
      points.push(at);
    } else if (command === 'L') {
      const to = { x: num(), y: num() };
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        points.push({ x: at.x + (to.x - at.x) * t, y: at.y + (to.y - at.y) * t });
      }
      at = to;
    } else if (command === 'C') {
      const [c1, c2, to] = [0, 1, 2].map(() => ({ x: num(), y: num() }));
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        const u = 1 - t;
        const mix = (a: number, b: number, c: number, d: number) =>
          u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
        points.push({ x: mix(at.x, c1.x, c2.x, to.x), y: mix(at.y, c1.y, c2.y, to.y) });
      }
      at = to;
    }
  }
  return points;
}

/** Width of an edge's shape label (canvas.css `.edge-label`: 10.5 px monospace, 6 px padding). */
const labelBox = (text: string, x: number, y: number): Box => {
  const width = text.length * 6.4 + 14;
  const height = 17;
  return { x: x - width / 2, y: y - height / 2, width, height };
};

/**
 * What is wrong with a drawn layout, in words: nodes on top of each other, edges drawn through
 * a node they do not touch, and labels (edge shapes, port names) printed over one another.
 * Computes edges as the canvas draws them (`edgePath`, `skipRail`).
 */
export function layoutProblems(
  graph: ModelGraph,
  blocks: readonly BlockDefinition[],
  sizes: Readonly<Record<string, NodeSize>>,
  analysis?: ModelAnalysis,
): string[] {
  const problems: string[] = [];
  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
  const boxes: NodeBox[] = graph.nodes.map((n) => ({
    id: n.id,
    x: n.position.x,
    y: n.position.y,
    ...sizes[n.id],
  }));
  const byId = new Map(boxes.map((b) => [b.id, b]));

  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(boxes[i], boxes[j], 10)) {
        problems.push(`nodes ${name(boxes[i].id)} and ${name(boxes[j].id)} overlap`);
      }
    }
  }

  const labels: { what: string; box: Box }[] = [];
  const portsOf = new Map(graph.nodes.map((n) => [n.id, inputPorts(n, graph, blocks).names]));
  for (const node of graph.nodes) {
    const ports = portsOf.get(node.id)!;
    const box = byId.get(node.id)!;
    if (ports.length < 2) continue;
    ports.forEach((port, p) => {
      const width = port.length * PORT_CHAR;
      const x = box.x + ((p + 1) / (ports.length + 1)) * box.width;
      labels.push({
        what: `port name "${port}" of ${name(node.id)}`,
        box: { x: x - width / 2, y: box.y - 20, width, height: 14 },
      });
    });
  }

  for (const edge of graph.edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) continue;
    const ports = portsOf.get(edge.target)!.length || 1;
    const ends = {
      source: edge.source,
      target: edge.target,
      sourceX: from.x + from.width / 2,
      sourceY: from.y + from.height,
      targetX: to.x + ((edge.targetPort + 1) / (ports + 1)) * to.width,
      targetY: to.y,
      sourcePosition: 'bottom' as never,
      targetPosition: 'top' as never,
    };
    const [path, labelX, labelY] = edgePath(ends, skipRail(ends, boxes));
    const what = `edge ${name(edge.source)} → ${name(edge.target)}`;
    const through = boxes.find(
      (b) =>
        b.id !== edge.source &&
        b.id !== edge.target &&
        samplePath(path).some((p) => inside(p, b, 2)),
    );
    if (through) problems.push(`${what} runs through ${name(through.id)}`);
    const shape = analysis?.edges.get(edge.id) ?? analysis?.nodes.get(edge.source)?.shape;
    labels.push({
      what: `label of ${what}`,
      box: labelBox(shape ? formatShape(shape) : '?', labelX, labelY),
    });
  }

  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlaps(labels[i].box, labels[j].box)) {
        problems.push(`${labels[i].what} overlaps ${labels[j].what}`);
      }
    }
    const covered = boxes.find((b) => overlaps(labels[i].box, b));
    if (covered) problems.push(`${labels[i].what} is printed over ${name(covered.id)}`);
  }
  return problems;
}
