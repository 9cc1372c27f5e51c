import { chainOf, sketch } from '../../../shared/graph/sketch.js';
import { templates } from '../../../shared/templates/index.js';
import { parityCase } from './parity-harness.js';
import { paritySuite } from './parity-suite.js';

const project = templates[0].project;
const same = { padding: 'same' } as const;

/** Every exportable kind the templates leave out, in settings where layouts and padding differ. */
const graphs = {
  // 12 → 6 with a 3-wide window at stride 2 pads one column on the right only (TensorFlow's way).
  vision: chainOf(
    ['Input', { shape: [12, 12, 3] }],
    [
      'Conv2D',
      { filters: 4, kernelSize: [3, 3], strides: [2, 2], ...same, activation: 'leaky_relu' },
    ],
    ['DepthwiseConv2D', { kernelSize: [3, 3], depthMultiplier: 2, ...same, activation: 'relu' }],
    [
      'SeparableConv2D',
      {
        filters: 5,
        kernelSize: [3, 3],
        dilationRate: [2, 2],
        depthMultiplier: 2,
        ...same,
        activation: 'tanh',
      },
    ],
    ['AvgPool2D', { poolSize: [3, 3], strides: [2, 2], ...same }],
    ['ZeroPadding2D', { padding: [1, 0, 2, 1] }],
    ['Cropping2D', { cropping: [0, 1, 1, 0] }],
    ['UpSampling2D', { size: [2, 1] }],
    [
      'Conv2DTranspose',
      { filters: 3, kernelSize: [2, 2], strides: [3, 3], padding: 'valid', activation: 'elu' },
    ],
    ['MaxPool2D', { poolSize: [3, 3], strides: [2, 2], ...same }],
    ['LayerNormalization', { epsilon: 0.01 }],
    ['GlobalMaxPool2D', {}],
    ['Dense', { units: 4, activation: 'linear' }],
    ['Output', {}],
  ),
  transposeSame: chainOf(
    ['Input', { shape: [5, 4, 2] }],
    [
      'Conv2DTranspose',
      { filters: 3, kernelSize: [5, 2], strides: [2, 3], ...same, activation: 'linear' },
    ],
    ['BatchNormalization', { momentum: 0.9, epsilon: 0.01 }],
    ['Flatten', {}],
    ['Output', {}],
  ),
  sequence1d: sketch(
    {
      x: ['Input', { shape: [10, 4] }],
      c1: ['Conv1D', { filters: 6, kernelSize: 3, strides: 2, ...same, activation: 'gelu' }],
      p1: ['MaxPool1D', { poolSize: 2, strides: 1, ...same }],
      p2: ['AvgPool1D', { poolSize: 3, strides: 1, ...same }],
      sub: ['Subtract', {}],
      mul: ['Multiply', {}],
      avg: ['Average', {}],
      twice: ['Add', {}],
      c2: ['Conv1D', { filters: 4, kernelSize: 2, dilationRate: 2, activation: 'swish' }],
      g1: ['GlobalAvgPool1D', {}],
      g2: ['GlobalMaxPool1D', {}],
      cat: ['Concatenate', { axis: -1 }],
      bn: ['BatchNormalization', {}],
      act: ['Activation', { fn: 'selu' }],
      out: ['Output', {}],
    },
    [
      'x -> c1',
      'c1 -> p1',
      'c1 -> p2',
      'p1 -> sub',
      'p2 -> sub:1',
      'sub -> mul',
      'c1 -> mul:1',
      'mul -> avg',
      'p1 -> avg:1',
      'p2 -> avg:2',
      'avg -> twice',
      'avg -> twice:1',
      'twice -> c2',
      'c2 -> g1',
      'c2 -> g2',
      'g1 -> cat',
      'g2 -> cat:1',
      'cat -> bn',
      'bn -> act',
      'act -> out',
    ],
  ),
  recurrent: chainOf(
    ['Input', { shape: [null, 3] }],
    ['Bidirectional', { layer: 'GRU', units: 5, returnSequences: true, mergeMode: 'concat' }],
    ['Bidirectional', { layer: 'LSTM', units: 4, returnSequences: true, mergeMode: 'sum' }],
    ['SimpleRNN', { units: 6, activation: 'relu', returnSequences: true }],
    ['TimeDistributed', { units: 3, activation: 'tanh' }],
    ['Bidirectional', { layer: 'SimpleRNN', units: 3, returnSequences: false, mergeMode: 'ave' }],
    ['RepeatVector', { n: 4 }],
    ['Bidirectional', { layer: 'LSTM', units: 2, returnSequences: true, mergeMode: 'mul' }],
    ['Permute', { dims: [2, 1] }],
    ['GRU', { units: 3, returnSequences: false }],
    ['Output', {}],
  ),
  attention: sketch(
    {
      tokens: ['Input', { shape: [6], dtype: 'int32' }],
      embed: ['Embedding', { inputDim: 20, outputDim: 8 }],
      waves: ['SinusoidalPositionalEncoding', {}],
      encoder: [
        'TransformerEncoderBlock',
        { numHeads: 2, keyDim: 4, ffDim: 16, ffActivation: 'gelu' },
      ],
      target: ['Input', { shape: [5, 6] }],
      positions: ['PositionEmbedding', { maxLength: 9 }],
      self: ['MultiHeadAttention', { numHeads: 2, keyDim: 3, valueDim: 5, causal: true }],
      decoder: ['TransformerDecoderBlock', { numHeads: 3, keyDim: 2, ffDim: 7 }],
      cross: ['MultiHeadAttention', { numHeads: 2, keyDim: 4 }],
      flat: ['Flatten', {}],
      reshape: ['Reshape', { targetShape: [-1, 5] }],
      dense: ['Dense', { units: 3, activation: 'sigmoid', useBias: false }],
      pooled: ['GlobalAvgPool1D', {}],
      out1: ['Output', {}],
      out2: ['Output', {}],
    },
    [
      'tokens -> embed',
      'embed -> waves',
      'waves -> encoder',
      'target -> positions',
      'positions -> self',
      'self -> decoder',
      'encoder -> decoder:1',
      'decoder -> cross',
      'encoder -> cross:1',
      'cross -> flat',
      'flat -> reshape',
      'reshape -> dense',
      'dense -> out1',
      'encoder -> pooled',
      'pooled -> out2',
    ],
  ),
};

paritySuite('PyTorch export of every exportable kind', () =>
  Object.entries(graphs).map(([name, graph]) => parityCase(name, project, graph)),
);
