/**
 * Project files as older and current Strata versions wrote them, for the migration and loader
 * tests. Add one file per new format version; keep the old ones forever.
 */

const mlpNodes = [
  { id: 'in', kind: 'Input', params: { shape: [784] }, position: { x: 0, y: 0 } },
  { id: 'h', kind: 'Dense', name: 'hidden', params: { units: 32 }, position: { x: 0, y: 100 } },
  {
    id: 'o',
    kind: 'Dense',
    params: { units: 10, activation: 'softmax' },
    position: { x: 0, y: 200 },
  },
  { id: 'out', kind: 'Output', params: {}, position: { x: 0, y: 300 } },
];
const mlpEdges = [
  { id: 'e1', source: 'in', target: 'h', targetPort: 0 },
  { id: 'e2', source: 'h', target: 'o', targetPort: 0 },
  { id: 'e3', source: 'o', target: 'out', targetPort: 0 },
];

/** Each fixture: its file text and the format version it was written in. */
export const fixtureFiles: { name: string; version: number; text: string }[] = [
  {
    name: 'v1 MLP with training settings',
    version: 1,
    text: JSON.stringify({
      formatVersion: 1,
      name: 'Digits MLP',
      graph: { nodes: mlpNodes, edges: mlpEdges },
      training: { dataset: 'mnist-flat', optimizer: 'sgd', learningRate: 0.05, epochs: 3 },
    }),
  },
  {
    name: 'v1 graph without training settings',
    version: 1,
    text: JSON.stringify({
      formatVersion: 1,
      name: 'Sine regressor',
      graph: {
        nodes: [
          { id: 'in', kind: 'Input', params: { shape: [50, 1] }, position: { x: 0, y: 0 } },
          {
            id: 'out',
            kind: 'Output',
            params: { loss: 'mean_squared_error' },
            position: { x: 0, y: 100 },
          },
        ],
        edges: [{ id: 'e', source: 'in', target: 'out', targetPort: 0 }],
      },
    }),
  },
  {
    name: 'v2 MLP',
    version: 2,
    text: JSON.stringify({
      formatVersion: 2,
      name: 'Digits MLP',
      models: [{ id: 'mlp', name: 'MLP', nodes: mlpNodes, edges: mlpEdges }],
      blocks: [],
      recipe: {
        task: 'classification',
        model: 'mlp',
        dataset: 'mnist-flat',
        optimizer: { name: 'adam', learningRate: 0.001 },
        batchSize: 64,
        epochs: 5,
        validationSplit: 0.1,
      },
      metadata: { description: 'A small perceptron.' },
    }),
  },
  {
    name: 'v3 MLP on declared IDX files with a test pair',
    version: 3,
    text: JSON.stringify({
      formatVersion: 3,
      name: 'Digits MLP',
      models: [{ id: 'mlp', name: 'MLP', nodes: mlpNodes, edges: mlpEdges }],
      blocks: [],
      datasets: [
        {
          id: 'digits',
          kind: 'idx',
          files: { images: 'data/train-images.idx', labels: 'data/train-labels.idx' },
          test: { images: 'data/t10k-images.idx', labels: 'data/t10k-labels.idx' },
          options: {},
          summary: {
            inputShape: [28, 28, 1],
            inputDtype: 'float32',
            target: { kind: 'classes', classes: 10 },
            examples: 60000,
            testExamples: 10000,
          },
        },
        {
          id: 'houses',
          kind: 'csv',
          files: { file: '/data/houses.csv' },
          options: { target: 'price', targetKind: 'values' },
        },
      ],
      recipe: {
        task: 'classification',
        model: 'mlp',
        dataset: 'digits',
        optimizer: { name: 'adam', learningRate: 0.001 },
        batchSize: 64,
        epochs: 5,
        validationSplit: 0.1,
      },
    }),
  },
];
