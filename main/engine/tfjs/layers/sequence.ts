import type { BuilderTable } from '../builder.js';
import { attentionBuilders } from './attention.js';
import { embeddingBuilders } from './embedding.js';
import { recurrentBuilders } from './recurrent.js';

type SequenceKind =
  keyof typeof embeddingBuilders | keyof typeof recurrentBuilders | keyof typeof attentionBuilders;

/** Builders of the sequence families: embeddings, recurrent layers, attention and transformers. */
export const sequenceBuilders: BuilderTable<SequenceKind> = {
  ...embeddingBuilders,
  ...recurrentBuilders,
  ...attentionBuilders,
};
