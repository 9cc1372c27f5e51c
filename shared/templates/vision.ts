import { sketch } from './sketch.js';
import { template, type Template } from './template.js';

const classify = { task: 'classification', dataset: 'mnist' } as const;
const softmax10 = ['Dense', { units: 10, activation: 'softmax' }] as const;
const output = [
  'Output',
  { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
] as const;
const conv = (filters: number, kernel = 3, activation = 'relu') => ({
  filters,
  kernelSize: [kernel, kernel],
  strides: [1, 1],
  padding: 'same',
  activation,
});

function mlpMnist(): Template {
  const g = sketch();
  const input = g.add('Input', { shape: [784] });
  g.chain(
    input,
    ['Dense', { units: 128, activation: 'relu' }],
    ['Dropout', { rate: 0.2 }],
    [...softmax10],
    [...output],
  );
  return template({
    name: 'mlp-mnist',
    title: 'MNIST perceptron',
    description: 'A two-layer perceptron that classifies flattened 28×28 digits.',
    models: [g.done('mlp', 'MLP')],
    recipe: { ...classify, dataset: 'mnist-flat' },
  });
}

/** The Keras tutorial's convnet; Keras counts 93,322 parameters. */
function mnistCnn(): Template {
  const g = sketch();
  const valid = (filters: number) => ({ ...conv(filters), padding: 'valid' });
  g.chain(
    g.add('Input', { shape: [28, 28, 1] }),
    ['Conv2D', valid(32)],
    ['MaxPool2D', { poolSize: [2, 2] }],
    ['Conv2D', valid(64)],
    ['MaxPool2D', { poolSize: [2, 2] }],
    ['Conv2D', valid(64)],
    ['Flatten'],
    ['Dense', { units: 64, activation: 'relu' }],
    [...softmax10],
    [...output],
  );
  return template({
    name: 'mnist-cnn',
    title: 'MNIST convnet',
    description:
      'Three convolutions with pooling, then two dense layers: the classic digit classifier.',
    models: [g.done('cnn', 'CNN')],
    recipe: classify,
  });
}

function resnetCnn(): Template {
  const g = sketch();
  let x = g.chain(g.add('Input', { shape: [28, 28, 1] }), ['Conv2D', conv(32)]);
  // Two residual blocks: the input skips over two convolutions and is added back.
  for (let block = 0; block < 2; block++) {
    const body = g.chain(
      x,
      ['Conv2D', conv(32)],
      ['BatchNormalization', {}],
      ['Conv2D', conv(32, 3, 'linear')],
      ['BatchNormalization', {}],
    );
    x = g.chain(g.add('Add', {}, [x, body]), ['Activation', { fn: 'relu' }]);
  }
  g.chain(
    x,
    ['MaxPool2D', { poolSize: [2, 2] }],
    ['Conv2D', conv(64)],
    ['GlobalAvgPool2D'],
    [...softmax10],
    [...output],
  );
  return template({
    name: 'resnet-cnn',
    title: 'Residual convnet',
    description: 'A small ResNet: two residual blocks whose skip connections meet in Add layers.',
    models: [g.done('resnet', 'ResNet')],
    recipe: classify,
  });
}

function inceptionCnn(): Template {
  const g = sketch();
  const stem = g.chain(
    g.add('Input', { shape: [28, 28, 1] }),
    ['Conv2D', conv(32)],
    ['MaxPool2D', { poolSize: [2, 2] }],
  );
  // An Inception module: 1×1, 3×3, 5×5 and pooled branches side by side, joined on channels.
  const branches = [
    g.chain(stem, ['Conv2D', conv(16, 1)]),
    g.chain(stem, ['Conv2D', conv(16, 1)], ['Conv2D', conv(24, 3)]),
    g.chain(stem, ['Conv2D', conv(8, 1)], ['Conv2D', conv(8, 5)]),
    g.chain(
      stem,
      ['MaxPool2D', { poolSize: [3, 3], strides: [1, 1], padding: 'same' }],
      ['Conv2D', conv(8, 1)],
    ),
  ];
  g.chain(
    g.add('Concatenate', { axis: -1 }, branches),
    ['MaxPool2D', { poolSize: [2, 2] }],
    ['GlobalAvgPool2D'],
    [...softmax10],
    [...output],
  );
  return template({
    name: 'inception-cnn',
    title: 'Inception convnet',
    description:
      'An Inception module: parallel 1×1, 3×3, 5×5 and pooling branches joined by Concatenate.',
    models: [g.done('inception', 'Inception')],
    recipe: classify,
  });
}

/** Image classifiers on the bundled digits. */
export const visionTemplates = [mlpMnist, mnistCnn, resnetCnn, inceptionCnn];
