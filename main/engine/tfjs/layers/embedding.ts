import * as tf from '@tensorflow/tfjs';
import { chain, type BuilderTable } from '../builder.js';
import { PositionEmbedding } from '../custom/position-embedding.js';
import { SinusoidalPositionalEncoding } from '../custom/sinusoidal-encoding.js';

export const embeddingBuilders: BuilderTable<
  'Embedding' | 'PositionEmbedding' | 'SinusoidalPositionalEncoding'
> = {
  Embedding: ({ inputDim, outputDim }, { name }) =>
    chain(tf.layers.embedding({ inputDim, outputDim, name })),
  PositionEmbedding: ({ maxLength }, { name }) => chain(new PositionEmbedding({ maxLength, name })),
  SinusoidalPositionalEncoding: ({ maxWavelength }, { name }) =>
    chain(new SinusoidalPositionalEncoding({ maxWavelength, name })),
};
