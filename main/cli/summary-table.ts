import type { ModelAnalysis } from '../../shared/graph/analyze.js';
import type { ModelGraph } from '../../shared/graph/document.js';
import { formatKerasShape } from '../../shared/layers/shape.js';
import { nodeTitle, shortName, thousands } from './labels.js';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

/** A model branches when a node has several inputs or several consumers; Keras then lists sources. */
function branches(model: ModelGraph): boolean {
  const count = (ids: string[]) => new Set(ids).size !== ids.length;
  return count(model.edges.map((e) => e.target)) || count(model.edges.map((e) => e.source));
}

function row(cells: string[], columns: Column[]): string {
  return ` ${cells
    .map((cell, i) => {
      const { width, align } = columns[i];
      return align === 'right' ? cell.padStart(width) : cell.padEnd(width);
    })
    .join('  ')
    .trimEnd()}`;
}

/**
 * Keras' `model.summary()` for a Strata model: one row per node in execution order with its
 * output shape (batch as `None`) and parameters, then the totals and multiply-adds per example.
 */
export function summaryTable(model: ModelGraph, analysis: ModelAnalysis): string[] {
  const connected = branches(model);
  const rows = analysis.order.map((id) => {
    const node = analysis.nodes.get(id)!;
    const params = node.counts ? node.counts.trainable + node.counts.nonTrainable : undefined;
    const cells = [
      nodeTitle(model, id),
      node.shape ? formatKerasShape(node.shape) : '?',
      params === undefined ? '?' : thousands(params),
    ];
    if (connected)
      cells.push(
        node.inputs
          .filter(Boolean)
          .map((s) => nodeTitle(model, s).split(' (')[0])
          .join(', '),
      );
    return cells;
  });

  const titles = [
    'Layer (type)',
    'Output Shape',
    'Param #',
    ...(connected ? ['Connected to'] : []),
  ];
  const columns: Column[] = titles.map((title, i) => ({
    title,
    width: Math.max(title.length, ...rows.map((r) => r[i].length)),
    align: i === 2 ? 'right' : 'left',
  }));
  const rule = (char: string) => char.repeat(columns.reduce((n, c) => n + c.width + 2, 0) + 1);

  const { trainable, nonTrainable, macs } = analysis.totals;
  return [
    `Model: "${shortName(model.name)}" (${shortName(model.id)})`,
    rule('_'),
    row(titles, columns),
    rule('='),
    ...rows.map((cells) => row(cells, columns)),
    rule('='),
    `Total params: ${thousands(trainable + nonTrainable)}`,
    `Trainable params: ${thousands(trainable)}`,
    `Non-trainable params: ${thousands(nonTrainable)}`,
    `MACs: ${thousands(macs)} per example`,
    rule('_'),
  ];
}
