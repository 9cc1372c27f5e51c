import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from '../../backends/kernels/backend-parity.js';
import { LayerNormalization } from '../layers/layer-normalization.js';
import { layerNormLastAxis } from './layer-norm.js';

/** Output and gradients (input, gamma, beta) of a layer normalisation under a seeded upstream. */
function forwardAndGradients(
  norm: (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor,
  shape: number[],
): tf.Tensor[] {
  const x = tensorOf(seeded(shape, 1));
  const features = shape[shape.length - 1]!;
  const gamma = tf.add(tensorOf(seeded([features], 2)), 1);
  const beta = tensorOf(seeded([features], 3));
  const upstream = tensorOf(seeded(shape, 4));
  const loss = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(norm(a, g, b), upstream));
  return [norm(x, gamma, beta), ...tf.grads(loss)([x, gamma, beta])];
}

/** tfjs-layers' own LayerNormalization (tiles its statistics), as the reference. */
function tfjsLayerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const layer = tf.layers.layerNormalization({ axis: -1, epsilon: 1e-3 });
  layer.build(x.shape);
  const [g, b] = layer.weights;
  return tf.tidy(() => {
    // Route gamma and beta through the layer's arithmetic: scale and shift a unit layer's output.
    const unit = layer.apply(x) as tf.Tensor;
    g!.write(tf.onesLike(gamma));
    b!.write(tf.zerosLike(beta));
    return tf.add(tf.mul(unit, gamma), beta);
  });
}

const strata = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => layerNormLastAxis(x, g, b, 1e-3);

describe('layer normalisation over the last axis', () => {
  it.each([[[6, 8]], [[3, 5, 16]]])(
    'matches tfjs-layers forward and backward on %j, on cpu and wasm',
    async (shape) => {
      const parity = await compareWithCpu(
        () => forwardAndGradients(strata, shape),
        () => forwardAndGradients(tfjsLayerNorm, shape),
      );
      expect(parity.wasmShapes).toEqual(parity.cpuShapes);
      expect(parity.relativeError).toBeLessThan(1e-4);
    },
  );

  it('runs the same kernels whatever the batch size: no Tile, no per-row Slice', async () => {
    await tf.setBackend('cpu');
    const kernelsAt = async (batch: number) => {
      const profile = await tf.profile(() => forwardAndGradients(strata, [batch, 4, 8]));
      return profile.kernels.map((k) => k.name);
    };
    const small = await kernelsAt(2);
    const large = await kernelsAt(64);
    expect(large).toEqual(small);
    expect(large).not.toContain('Tile');
    expect(large).not.toContain('Slice');
  });

  it('is the layer Strata builds, and saves and loads as a plain tfjs LayerNormalization', async () => {
    await tf.setBackend('cpu');
    const layer = new LayerNormalization({ axis: -1, epsilon: 1e-3, name: 'norm' });
    const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [4, 8] }), layer] });
    layer.setWeights([tf.add(tensorOf(seeded([8], 2)), 1), tensorOf(seeded([8], 3))]);
    const x = tensorOf(seeded([2, 4, 8], 1));
    const [gamma, beta] = layer.getWeights();
    const expected = tfjsLayerNorm(x, gamma!, beta!).dataSync();
    const profile = await tf.profile(() => model.predict(x) as tf.Tensor);
    const actual = (profile.result as tf.Tensor).dataSync();
    actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
    expect(profile.kernels.map((k) => k.name)).not.toContain('Tile');

    const json = model.toJSON(null, false) as { config: { layers: { class_name: string }[] } };
    expect(json.config.layers.map((l) => l.class_name)).toEqual([
      'InputLayer',
      'LayerNormalization',
    ]);
    const restored = await tf.models.modelFromJSON({ modelTopology: json });
    expect(restored.layers.at(-1)).toBeInstanceOf(LayerNormalization);
  });
});
