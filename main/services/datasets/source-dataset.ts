import type { DatasetSchema } from '../../../shared/datasets/catalogue.js';
import { augmentImages } from './augmentation.js';
import type { Batch, BatchOptions, Dataset, InputStats } from './dataset.js';
import type { ExampleSource } from './example-source.js';
import { computeInputStats, normaliseInPlace } from './normalisation.js';
import { mixSeeds, seededRandom, shuffleInPlace } from './seeded-random.js';
import { splitIndices, type SplitOptions } from './splits.js';
import { encodeTargets, targetLayout } from './targets.js';

/** Builds a Dataset over an example source: seeded splits, lazy train stats, streamed batches. */
export function createDataset(
  schema: DatasetSchema,
  source: ExampleSource,
  options: SplitOptions = {},
  vocabulary?: readonly string[],
  /** The train split's statistics when already known (a decoded cache keeps them). */
  knownStats?: InputStats,
): Dataset {
  const parts = splitIndices(source.count, options, source.presetTest);
  const shape = schema.inputShape.map((d) => d ?? 0);
  const channels = shape.length > 0 ? shape[shape.length - 1] : 1;
  let stats: InputStats | undefined = knownStats;
  const inputStats = () => (stats ??= computeInputStats(source, parts.train, channels));
  return {
    schema,
    vocabulary,
    source,
    size: (split) => parts[split].length,
    indices: (split) => parts[split],
    inputStats,
    batches: (split, batchOptions) =>
      streamBatches(schema, source, parts[split], shape, batchOptions, inputStats),
  };
}

function* streamBatches(
  schema: DatasetSchema,
  source: ExampleSource,
  indices: Int32Array,
  shape: number[],
  options: BatchOptions,
  inputStats: () => InputStats,
): Generator<Batch, void, undefined> {
  const { batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const float = schema.inputDtype === 'float32';
  const normalise = options.normalise ?? 'none';
  if (!float && (normalise !== 'none' || options.augment)) {
    throw new RangeError(`${schema.id} has token inputs: they cannot be normalised or augmented`);
  }
  if (options.augment && shape.length !== 3) {
    throw new RangeError(`${schema.id} inputs are not images [height, width, channels]`);
  }
  const seed = options.seed ?? 0;
  const epoch = options.epoch ?? 0;
  const order = Int32Array.from(indices);
  if (options.shuffle) shuffleInPlace(order, seededRandom(mixSeeds(seed, epoch)));
  const stats = normalise === 'none' ? undefined : inputStats();
  const inputSize = source.inputSize;
  const layout = targetLayout(schema, source, options.targets ?? 'sparse');
  // One pair of buffers per stream, reused by every batch: an epoch never copies the whole set.
  const xBuffer = float
    ? new Float32Array(batchSize * inputSize)
    : new Int32Array(batchSize * inputSize);
  const yBuffer =
    layout.kind === 'int32'
      ? new Int32Array(batchSize * layout.size)
      : new Float32Array(batchSize * layout.size);
  for (let start = 0, b = 0; start < order.length; start += batchSize, b++) {
    const size = Math.min(batchSize, order.length - start);
    for (let n = 0; n < size; n++) source.readInput(order[start + n], xBuffer, n * inputSize);
    if (options.augment && xBuffer instanceof Float32Array) {
      const random = seededRandom(mixSeeds(seed, epoch, b, 0x5eed));
      augmentImages(xBuffer, size, [shape[0], shape[1], shape[2]], options.augment, random);
    }
    if (stats && xBuffer instanceof Float32Array) {
      normaliseInPlace(xBuffer, size * inputSize, stats, normalise);
    }
    encodeTargets(source, layout, order.subarray(start, start + size), xBuffer, yBuffer);
    yield {
      x: xBuffer.subarray(0, size * inputSize),
      y: yBuffer.subarray(0, size * layout.size),
      size,
      xShape: [size, ...shape],
      yShape: [size, ...layout.shape],
    };
  }
}
