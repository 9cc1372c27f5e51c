import { edgeError, nodeError, type Diagnostic } from './diagnostics.js';
import { cappedList, thousands } from './message-text.js';
import { nodeLabel, type Wiring } from './wiring.js';

/**
 * Node ids in an order where every node follows its inputs (Kahn's algorithm). Nodes on a
 * cycle, and those downstream of one, never become ready and are left out.
 */
export function topologicalOrder(wiring: Wiring): string[] {
  const waiting = new Map<string, number>();
  const order: string[] = [];
  for (const [id, wired] of wiring.nodes) {
    let count = 0;
    for (const source of wired.inputs) if (source !== undefined) count++;
    if (count === 0) order.push(id);
    else waiting.set(id, count);
  }
  for (let i = 0; i < order.length; i++) {
    for (const edge of wiring.consumers.get(order[i]) ?? []) {
      const left = waiting.get(edge.target)! - 1;
      waiting.set(edge.target, left);
      if (left === 0) order.push(edge.target);
    }
  }
  return order;
}

/** Loops up to this many layers are marked on each of their nodes and edges. */
const MARKED_LOOP = 20;
/** Names a loop's message lists before saying how many more there are. */
const NAMED_IN_LOOP = 10;

/**
 * Reports the nodes and edges that lie on a cycle, naming one loop through them. A small loop
 * is marked on each of its nodes and edges; a larger one is reported once, on its first node,
 * so a loop through 30,000 layers is one line rather than 30,000 lines that each list it.
 */
export function reportCycles(wiring: Wiring, order: readonly string[], out: Diagnostic[]): void {
  if (order.length === wiring.nodes.size) return;
  const ordered = new Set(order);
  const left = [...wiring.nodes.keys()].filter((id) => !ordered.has(id));
  const label = (id: string) => nodeLabel(wiring.nodes.get(id)!);
  for (const component of stronglyConnected(left, wiring)) {
    const members = new Set(component);
    const [first] = component;
    const selfLoop = (wiring.consumers.get(first) ?? []).some((e) => e.target === first);
    if (component.length === 1 && !selfLoop) continue; // downstream of a cycle, not on one
    const path = loopThrough(first, members, wiring);
    const loop = cappedList(path.map(label), NAMED_IN_LOOP, ' → ');
    if (component.length > MARKED_LOOP) {
      const count = thousands(component.length);
      // A ring's loop holds every member; a tangle's shortest loop through one node may not.
      const what =
        path.length - 1 === component.length
          ? `${count} layers form a loop: ${loop}`
          : `${count} layers are on loops, one of which is ${loop}`;
      out.push(
        nodeError(
          'cycle',
          first,
          `${what}. A layer cannot feed its own input.`,
          'Remove the connections that loop back.',
        ),
      );
      continue;
    }
    for (const id of component) {
      out.push(
        nodeError(
          'cycle',
          id,
          `${label(id)} is on a loop: ${loop}. A layer cannot feed its own input.`,
          'Remove one of the connections that loop back.',
        ),
      );
      for (const edge of wiring.consumers.get(id) ?? []) {
        if (!members.has(edge.target)) continue;
        out.push(
          edgeError(
            'cycle',
            edge.id,
            `This connection is part of a loop: ${loop}.`,
            'Delete it, or another connection on the loop.',
          ),
        );
      }
    }
  }
}

/** Tarjan's strongly connected components, iterative so long loops cannot overflow the stack. */
function stronglyConnected(ids: readonly string[], wiring: Wiring): string[][] {
  const inside = new Set(ids);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const frames: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const edges = wiring.consumers.get(frame.id) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++].target;
        if (!inside.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          frames.push({ id: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
}

/** A shortest path from `start` back to itself inside one component (breadth-first). */
function loopThrough(start: string, members: Set<string>, wiring: Wiring): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of wiring.consumers.get(queue[i]) ?? []) {
      if (!members.has(edge.target)) continue;
      if (edge.target === start) {
        const path = [start];
        for (let at = queue[i]; at !== start; at = cameFrom.get(at)!) path.push(at);
        path.push(start);
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (cameFrom.has(edge.target)) continue;
      cameFrom.set(edge.target, queue[i]);
      queue.push(edge.target);
    }
  }
  return [start];
}
