import * as tf from '@tensorflow/tfjs';
import type { ImportedWeight } from './match.js';

/**
 * Sets imported weights on a tfjs model compiled from the imported graph (`layerNames` from
 * compileModel). Throws naming the node when a layer's weights do not fit.
 */
export function loadImportedWeights(
  model: tf.LayersModel,
  layerNames: ReadonlyMap<string, string>,
  weights: ReadonlyMap<string, readonly ImportedWeight[]>,
): void {
  for (const [nodeId, values] of weights) {
    const name = layerNames.get(nodeId);
    if (name === undefined)
      throw new Error(`Imported weights for node "${nodeId}", which the model lacks`);
    const layer = model.getLayer(name);
    const expected = layer.weights.map((w) => w.shape.join('×'));
    const given = values.map((w) => w.shape.join('×'));
    if (expected.join() !== given.join()) {
      throw new Error(
        `Node "${nodeId}" expects weights [${expected.join(', ')}] but the ONNX model gives [${given.join(', ')}]`,
      );
    }
    const tensors = values.map((w) => tf.tensor(w.values, w.shape));
    layer.setWeights(tensors);
    tf.dispose(tensors);
  }
}
