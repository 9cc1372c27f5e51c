import * as tf from '@tensorflow/tfjs';
import type { Pixels } from '../../../shared/api/training-events.js';
import type { Batch, Dataset } from '../../services/datasets/dataset.js';
import { toPixels } from './insights.js';
import { lossValue } from './losses.js';
import type { ScheduledOptimizer } from './optimizers.js';
import type { TaskRunner } from './task-runner.js';
import { batchTensors, optimizerStep, trainableVariables } from './tensors.js';

const GRID = 16;
const REAL_LABEL = 0.9;

/**
 * A GAN: each batch takes one discriminator step (real images labelled 1, generated ones 0) and
 * one generator step (generated images the discriminator should call real), with two optimizers.
 */
export function ganRunner(
  generator: tf.LayersModel,
  discriminator: tf.LayersModel,
  optimizers: { generator: ScheduledOptimizer; discriminator: ScheduledOptimizer },
  seed: number,
): TaskRunner {
  const latent = generator.inputs[0].shape.slice(1) as number[];
  const generatorVariables = trainableVariables(generator);
  const discriminatorVariables = trainableVariables(discriminator);
  // The same noise every epoch, so the sample grid shows the generator learning.
  const fixedNoise = tf.keep(tf.randomNormal([GRID, ...latent], 0, 1, 'float32', seed));
  const bce = (labels: number, scores: tf.Tensor) =>
    lossValue('binary_crossentropy', tf.fill(scores.shape, labels), scores);

  const discriminatorLoss = (real: tf.Tensor, noise: tf.Tensor, training: boolean) => {
    const fake = generator.apply(noise, { training }) as tf.Tensor;
    const onReal = discriminator.apply(real, { training }) as tf.Tensor;
    const onFake = discriminator.apply(fake, { training }) as tf.Tensor;
    // One-sided label smoothing (Salimans et al.): a less certain critic keeps gradients alive.
    return tf.add(bce(REAL_LABEL, onReal), bce(0, onFake)) as tf.Scalar;
  };
  const generatorLoss = (noise: tf.Tensor, training: boolean) =>
    bce(1, discriminator.apply(generator.apply(noise, { training }), { training }) as tf.Tensor);

  return {
    trainables: {
      models: { generator, discriminator },
      optimizers: { ...optimizers },
    },
    batchOptions: { shuffle: true, normalise: 'scale' },
    setLearningRate(rate) {
      optimizers.generator.setLearningRate(rate);
      optimizers.discriminator.setLearningRate(rate);
    },

    step(batch: Batch, clipNorm: number) {
      const { x, y } = batchTensors(batch);
      const noise = () => tf.randomNormal([batch.size, ...latent]);
      const d = optimizerStep(
        optimizers.discriminator,
        discriminatorVariables,
        () => discriminatorLoss(x, noise(), true),
        clipNorm,
      );
      const g = Number.isFinite(d)
        ? optimizerStep(
            optimizers.generator,
            generatorVariables,
            () => generatorLoss(noise(), true),
            clipNorm,
          )
        : NaN;
      tf.dispose([x, y]);
      return { loss: g + d, metrics: { discriminator_loss: d, generator_loss: g } };
    },

    evaluate(dataset: Dataset, split, batchSize) {
      let d = 0;
      let g = 0;
      let count = 0;
      for (const batch of dataset.batches(split, {
        ...this.batchOptions,
        batchSize,
        shuffle: false,
      })) {
        const [dl, gl] = tf.tidy(() => {
          const x = tf.tensor(batch.x, batch.xShape);
          const noise = tf.randomNormal([batch.size, ...latent]);
          return [
            discriminatorLoss(x, noise, false).dataSync()[0],
            generatorLoss(noise, false).dataSync()[0],
          ];
        });
        d += dl * batch.size;
        g += gl * batch.size;
        count += batch.size;
      }
      const n = Math.max(1, count);
      return { loss: (d + g) / n, discriminator_loss: d / n, generator_loss: g / n };
    },

    insights(_dataset, epoch) {
      const output = tf.tidy(() => generator.predict(fixedNoise) as tf.Tensor);
      const shape = output.shape.slice(1);
      const values = output.dataSync();
      output.dispose();
      const size = values.length / GRID;
      const images = Array.from({ length: GRID }, (_, i) =>
        toPixels(values.subarray(i * size, (i + 1) * size), shape),
      ).filter((image): image is Pixels => image !== undefined);
      return [{ type: 'generated', epoch, images }];
    },

    dispose: () => fixedNoise.dispose(),
  };
}
