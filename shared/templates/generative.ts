import { sketch } from './sketch.js';
import { template, type Template } from './template.js';

const image = { shape: [28, 28, 1] } as const;
const reconstruct = { task: 'autoencoder', dataset: 'mnist-autoencoder' } as const;
const pixelsOut = ['Output', { loss: 'binary_crossentropy', metrics: [] }] as const;
const conv = (filters: number, kernel: number, stride: number, activation: string) => ({
  filters,
  kernelSize: [kernel, kernel],
  strides: [stride, stride],
  padding: 'same',
  activation,
});

function denseAutoencoder(): Template {
  const g = sketch();
  g.chain(
    g.add('Input', image),
    ['Flatten'],
    ['Dense', { units: 128, activation: 'relu' }],
    ['Dense', { units: 32, activation: 'relu' }],
    ['Dense', { units: 128, activation: 'relu' }],
    ['Dense', { units: 784, activation: 'sigmoid' }],
    ['Reshape', { targetShape: [28, 28, 1] }],
    [...pixelsOut],
  );
  return template({
    name: 'dense-autoencoder',
    title: 'Dense autoencoder',
    description: 'Squeezes each digit through a 32-number code and rebuilds it from the code.',
    models: [g.done('autoencoder', 'Autoencoder')],
    recipe: reconstruct,
  });
}

function convAutoencoder(): Template {
  const g = sketch();
  g.chain(
    g.add('Input', image),
    ['Conv2D', conv(16, 3, 1, 'relu')],
    ['MaxPool2D', { poolSize: [2, 2] }],
    ['Conv2D', conv(8, 3, 1, 'relu')],
    ['MaxPool2D', { poolSize: [2, 2] }],
    ['Conv2DTranspose', conv(8, 3, 2, 'relu')],
    ['Conv2DTranspose', conv(16, 3, 2, 'relu')],
    ['Conv2D', conv(1, 3, 1, 'sigmoid')],
    [...pixelsOut],
  );
  return template({
    name: 'conv-autoencoder',
    title: 'Convolutional autoencoder',
    description: 'Downsamples digits to 7×7×8 with convolutions and upsamples them back.',
    models: [g.done('autoencoder', 'Conv autoencoder')],
    recipe: reconstruct,
  });
}

/** DCGAN (Radford et al.) scaled to MNIST: a generator from noise and a real-or-fake critic. */
function dcgan(): Template {
  const gen = sketch();
  gen.chain(
    gen.add('Input', { shape: [64] }, [], 'noise'),
    ['Dense', { units: 7 * 7 * 64, activation: 'relu' }],
    ['Reshape', { targetShape: [7, 7, 64] }],
    ['BatchNormalization', {}],
    ['Conv2DTranspose', conv(64, 4, 2, 'relu')],
    ['BatchNormalization', {}],
    ['Conv2DTranspose', conv(1, 4, 2, 'sigmoid')],
    ['Output', { loss: 'binary_crossentropy', metrics: [] }],
  );
  const disc = sketch();
  disc.chain(
    disc.add('Input', image, [], 'image'),
    ['Conv2D', conv(32, 4, 2, 'leaky_relu')],
    ['Dropout', { rate: 0.3 }],
    ['Conv2D', conv(64, 4, 2, 'leaky_relu')],
    ['Dropout', { rate: 0.3 }],
    ['Flatten'],
    ['Dense', { units: 1, activation: 'sigmoid' }],
    ['Output', { loss: 'binary_crossentropy', metrics: ['accuracy'] }],
  );
  return template({
    name: 'dcgan',
    title: 'DCGAN digits',
    description:
      'A generator turns noise into digits while a discriminator learns to tell them from real ones.',
    models: [gen.done('generator', 'Generator'), disc.done('discriminator', 'Discriminator')],
    recipe: {
      task: 'gan',
      dataset: 'mnist-autoencoder',
      discriminator: 'discriminator',
      // Radford et al.'s settings: a lower first-moment decay keeps the two players from oscillating.
      optimizer: { name: 'adam', learningRate: 0.0002, beta1: 0.5 },
      epochs: 20,
    },
  });
}

/** Models that rebuild or generate images. */
export const generativeTemplates = [denseAutoencoder, convAutoencoder, dcgan];
