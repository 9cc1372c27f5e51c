import type { ModelGraph } from '../../shared/graph/document.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A new node's default name, numbered like Keras' (`Dense 1`, `Dense 2`): one more than the
 * highest number the graph already gives that label, so problems about two Dense layers read
 * apart and a deleted number is not handed out again while a later one exists.
 */
export function numberedName(graph: ModelGraph, label: string): string {
  const pattern = new RegExp(`^${escape(label)} (\\d+)$`);
  let highest = 0;
  for (const node of graph.nodes) {
    const match = node.name ? pattern.exec(node.name) : null;
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${label} ${highest + 1}`;
}

/** Whether `name` is a default name of `label` (`Dense 3`), which the node need not repeat. */
export function isNumberedName(name: string, label: string): boolean {
  return new RegExp(`^${escape(label)} \\d+$`).test(name);
}
