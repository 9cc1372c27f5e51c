import { sketch } from './sketch.js';
import { template, type Template } from './template.js';

/** toy-sequences: 40 token ids over a 1,000-token vocabulary, 4 classes. */
const tokens = { shape: [40], dtype: 'int32' } as const;
const classify = { task: 'sequence-classification', dataset: 'toy-sequences' } as const;
const classOutput = [
  'Output',
  { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
] as const;

function lstmTextClassifier(): Template {
  const g = sketch();
  g.chain(
    g.add('Input', tokens),
    ['Embedding', { inputDim: 1000, outputDim: 32 }],
    ['LSTM', { units: 64, returnSequences: false }],
    ['Dense', { units: 4, activation: 'softmax' }],
    [...classOutput],
  );
  return template({
    name: 'lstm-text-classifier',
    title: 'LSTM sequence classifier',
    description: 'Embeds token ids and reads them with an LSTM to classify each sequence.',
    models: [g.done('lstm', 'LSTM classifier')],
    recipe: classify,
  });
}

function gruSequenceRegressor(): Template {
  const g = sketch();
  g.chain(
    g.add('Input', { shape: [50, 1] }),
    ['GRU', { units: 32, returnSequences: false }],
    ['Dense', { units: 1, activation: 'linear' }],
    ['Output', { loss: 'mean_squared_error', metrics: ['mean_absolute_error'] }],
  );
  return template({
    name: 'gru-sequence-regressor',
    title: 'GRU sine forecaster',
    description: 'A GRU reads 50 steps of a noisy sine wave and predicts the next value.',
    models: [g.done('gru', 'GRU regressor')],
    recipe: { task: 'regression', dataset: 'sine-sequences', epochs: 10 },
  });
}

function transformerTextClassifier(): Template {
  const g = sketch();
  g.chain(
    g.add('Input', tokens),
    ['Embedding', { inputDim: 1000, outputDim: 64 }],
    ['PositionEmbedding', { maxLength: 40 }],
    [
      'TransformerEncoderBlock',
      { numHeads: 4, keyDim: 16, ffDim: 128, dropout: 0.1, causal: false },
    ],
    ['GlobalAvgPool1D'],
    ['Dropout', { rate: 0.1 }],
    ['Dense', { units: 4, activation: 'softmax' }],
    [...classOutput],
  );
  return template({
    name: 'transformer-text-classifier',
    title: 'Transformer sequence classifier',
    description:
      'Token and position embeddings, one Transformer encoder block, then average pooling.',
    models: [g.done('transformer', 'Transformer classifier')],
    recipe: classify,
  });
}

/** A small GPT: causal self-attention over 64 characters, predicting each next character. */
function charGpt(): Template {
  const g = sketch();
  const block = { numHeads: 4, keyDim: 32, ffDim: 256, dropout: 0.1, causal: true };
  g.chain(
    g.add('Input', { shape: [64], dtype: 'int32' }),
    ['Embedding', { inputDim: 96, outputDim: 128 }],
    ['PositionEmbedding', { maxLength: 64 }],
    ['TransformerEncoderBlock', block],
    ['TransformerEncoderBlock', block],
    ['LayerNormalization', {}],
    ['Dense', { units: 96, activation: 'softmax' }],
    ['Output', { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] }],
  );
  return template({
    name: 'char-gpt',
    title: 'Character GPT',
    description:
      'A two-block GPT-style language model that writes Moby Dick one character at a time.',
    models: [g.done('gpt', 'GPT')],
    recipe: { task: 'language-model', dataset: 'moby-dick-chars', epochs: 10 },
  });
}

/** Recurrent and attention models over sequences. */
export const sequenceTemplates = [
  lstmTextClassifier,
  gruSequenceRegressor,
  transformerTextClassifier,
  charGpt,
];
