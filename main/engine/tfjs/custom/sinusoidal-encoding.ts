import * as tf from '@tensorflow/tfjs';
import type { LayerArgs } from './inputs.js';

export type SinusoidalEncodingArgs = LayerArgs & { maxWavelength: number };

/**
 * The fixed encoding of "Attention Is All You Need", laid out as keras-hub's
 * SinusoidalPositionEncoding: feature 2i is sin(pos / w^(2i/d)), feature 2i+1 its cosine.
 */
export function sinusoidalTable(steps: number, size: number, maxWavelength: number): tf.Tensor2D {
  const values = new Float32Array(steps * size);
  for (let pos = 0; pos < steps; pos++) {
    for (let i = 0; i < size; i++) {
      const angle = pos / maxWavelength ** ((2 * Math.floor(i / 2)) / size);
      values[pos * size + i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return tf.tensor2d(values, [steps, size]);
}

/** Adds {@link sinusoidalTable} to a `[steps, features]` input; no weights. */
export class SinusoidalPositionalEncoding extends tf.layers.Layer {
  static readonly className = 'StrataSinusoidalPositionalEncoding';
  readonly maxWavelength: number;

  constructor(args: SinusoidalEncodingArgs) {
    super(args);
    this.maxWavelength = args.maxWavelength;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return inputShape as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [, steps, size] = x.shape;
      return tf.add(x, sinusoidalTable(steps, size, this.maxWavelength));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), maxWavelength: this.maxWavelength };
  }
}
tf.serialization.registerClass(SinusoidalPositionalEncoding);
