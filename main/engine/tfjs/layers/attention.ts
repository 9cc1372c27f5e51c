import { chain, single, type BuilderTable } from '../builder.js';
import { MultiHeadAttention } from '../custom/multi-head-attention.js';
import { TransformerDecoderBlock } from '../custom/transformer-decoder.js';
import { TransformerEncoderBlock } from '../custom/transformer-encoder.js';

export const attentionBuilders: BuilderTable<
  'MultiHeadAttention' | 'TransformerEncoderBlock' | 'TransformerDecoderBlock'
> = {
  MultiHeadAttention: (p, { name }) => single(new MultiHeadAttention({ ...p, name })),
  TransformerEncoderBlock: (p, { name }) => chain(new TransformerEncoderBlock({ ...p, name })),
  TransformerDecoderBlock: (p, { name }) => single(new TransformerDecoderBlock({ ...p, name })),
};
