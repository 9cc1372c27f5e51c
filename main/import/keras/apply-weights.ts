import * as tf from '@tensorflow/tfjs';
import type { ImportedWeight } from './weights.js';

/**
 * Sets imported weights on a model compiled from the imported graph. Each tfjs weight takes the
 * imported one of the same relative name, else of the same last two name segments, else of the
 * same last segment, in order (converters name cells differently: `lstm_cell/kernel`). Returns
 * what did not fit, naming node and weight; nothing is set on a layer with a problem.
 */
export function applyWeights(
  model: tf.LayersModel,
  layerNames: ReadonlyMap<string, string>,
  weights: Readonly<Record<string, readonly ImportedWeight[]>>,
): string[] {
  const problems: string[] = [];
  for (const [nodeId, imported] of Object.entries(weights)) {
    const name = layerNames.get(nodeId);
    const layer = name === undefined ? undefined : model.layers.find((l) => l.name === name);
    if (!layer) {
      problems.push(`node ${nodeId}: the model has no layer for its weights`);
      continue;
    }
    const left = [...imported];
    const take = (match: (w: ImportedWeight) => boolean) => {
      const at = left.findIndex(match);
      return at < 0 ? undefined : left.splice(at, 1)[0];
    };
    const values: tf.Tensor[] = [];
    const fault = layer.weights
      .map((variable) => {
        const path = variable.originalName.split('/').slice(1).join('/');
        const tail = (n: number, p: string) => p.split('/').slice(-n).join('/');
        const found =
          take((w) => w.name === path) ??
          take((w) => tail(2, w.name) === tail(2, path)) ??
          take((w) => tail(1, w.name) === tail(1, path));
        if (!found) return `no imported weight for ${path}`;
        if (found.shape.join('x') !== variable.shape.join('x')) {
          return `${path} is ${found.shape.join('×')} in the file but ${variable.shape.join('×')} here`;
        }
        values.push(tf.tensor(found.values, found.shape, variable.dtype));
        return undefined;
      })
      .find((message) => message !== undefined);
    if (fault) problems.push(`node ${nodeId}: ${fault}`);
    else if (left.length > 0) {
      problems.push(`node ${nodeId}: unused weights ${left.map((w) => w.name).join(', ')}`);
    } else layer.setWeights(values);
    tf.dispose(values);
  }
  return problems;
}
