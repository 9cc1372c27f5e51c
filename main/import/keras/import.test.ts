import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileForExport } from '../../export/prepare.js';
import { templates } from '../../../shared/templates/index.js';
import { applyWeights } from './apply-weights.js';
import { importKerasModel } from './import.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Layer = { class_name: string; config: Record<string, unknown> };

/**
 * A model.json as tensorflowjs_converter writes a Keras 2 model: the topology inside
 * `model_config`, Keras-only config fields, cell weights under `<layer>/<cell>/…`.
 */
async function kerasFile(model: tf.LayersModel, rename: (name: string) => string = (n) => n) {
  const topology = model.toJSON(null, false) as unknown as { config: { layers: Layer[] } };
  for (const layer of topology.config.layers)
    Object.assign(layer.config, { dtype: 'float32', groups: 1 });
  const { data, specs } = await tf.io.encodeWeights(
    model.weights.map((w) => ({ name: rename(w.originalName), tensor: w.read() })),
  );
  const file = {
    format: 'layers-model',
    generatedBy: 'keras v2.15.0',
    convertedBy: 'TensorFlow.js Converter v4.17.0',
    modelTopology: {
      keras_version: '2.15.0',
      backend: 'tensorflow',
      model_config: topology,
      training_config: { loss: 'categorical_crossentropy' },
    },
    weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: specs }],
  };
  return { file, data: data as ArrayBuffer };
}

/** Imports, compiles and loads weights; predictions must equal the source model's. */
function expectSamePredictions(
  source: tf.LayersModel,
  file: unknown,
  data: ArrayBuffer,
  input: tf.Tensor | tf.Tensor[],
) {
  const imported = importKerasModel(file, data);
  if (!imported.ok) throw new Error(imported.message);
  expect(imported.unsupported).toEqual([]);
  const project = templates[0].project;
  const compiled = compileForExport({ ...project, models: [imported.graph] }, imported.graph);
  if (typeof compiled === 'string') throw new Error(compiled);
  expect(applyWeights(compiled.model, compiled.layerNames, imported.weights)).toEqual([]);
  const want = (source.predict(input) as tf.Tensor).dataSync();
  const got = (compiled.model.predict(input) as tf.Tensor).dataSync();
  expect(got.length).toBe(want.length);
  want.forEach((v, i) => expect(Math.abs(got[i] - v)).toBeLessThan(1e-5));
  expect(compiled.model.countParams()).toBe(source.countParams());
  compiled.model.dispose();
  return imported;
}

describe('Keras / TF.js model.json import', () => {
  it('turns a Keras 2 Sequential CNN into nodes top to bottom that predict the same', async () => {
    const model = tf.sequential({
      name: 'digits',
      layers: [
        tf.layers.inputLayer({ inputShape: [12, 12, 1], name: 'image' }),
        tf.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', name: 'conv2d' }),
        tf.layers.batchNormalization({ axis: 3, name: 'batch_normalization' }),
        tf.layers.maxPooling2d({ poolSize: 2, name: 'max_pooling2d' }),
        tf.layers.flatten({ name: 'flatten' }),
        tf.layers.dropout({ rate: 0.25, name: 'dropout' }),
        tf.layers.dense({ units: 3, activation: 'softmax', name: 'dense' }),
      ],
    });
    // Batch-norm statistics away from their initial 0 and 1, so they must really be imported.
    const bn = model.getLayer('batch_normalization');
    bn.setWeights(bn.getWeights().map((w) => tf.randomUniform(w.shape, 0.5, 1.5)));
    const { file, data } = await kerasFile(model);
    const imported = expectSamePredictions(model, file, data, tf.randomUniform([2, 12, 12, 1]));

    const { nodes } = imported.graph;
    expect(nodes.map((n) => `${n.id}:${n.kind}`)).toEqual([
      'image:Input',
      'conv2d:Conv2D',
      'batch_normalization:BatchNormalization',
      'max_pooling2d:MaxPool2D',
      'flatten:Flatten',
      'dropout:Dropout',
      'dense:Dense',
      'output:Output',
    ]);
    expect(nodes.map((n) => n.position.y)).toEqual(
      [...nodes.map((n) => n.position.y)].sort((a, b) => a - b),
    );
    expect(nodes.find((n) => n.id === 'conv2d')!.params).toMatchObject({
      filters: 4,
      kernelSize: [3, 3],
      activation: 'relu',
    });
    // The file's training config names the loss.
    expect(nodes.at(-1)!.params).toMatchObject({
      loss: 'categorical_crossentropy',
      metrics: ['accuracy'],
    });
  });

  it('imports a functional model with branches, merges and an LSTM named as Keras names cells', async () => {
    const tokens = tf.input({ shape: [6, 3], name: 'series' });
    const lstm = tf.layers
      .lstm({ units: 5, returnSequences: true, recurrentActivation: 'sigmoid', name: 'lstm' })
      .apply(tokens) as tf.SymbolicTensor;
    const a = tf.layers
      .dense({ units: 5, activation: 'tanh', name: 'left' })
      .apply(lstm) as tf.SymbolicTensor;
    const sum = tf.layers.add({ name: 'add' }).apply([lstm, a]) as tf.SymbolicTensor;
    const joined = tf.layers
      .concatenate({ name: 'concatenate' })
      .apply([sum, lstm]) as tf.SymbolicTensor;
    const pooled = tf.layers
      .globalAveragePooling1d({ name: 'pool' })
      .apply(joined) as tf.SymbolicTensor;
    const out = tf.layers
      .dense({ units: 1, activation: 'sigmoid', name: 'score' })
      .apply(pooled) as tf.SymbolicTensor;
    const model = tf.model({ inputs: tokens, outputs: out, name: 'branches' });
    const { file, data } = await kerasFile(model, (n) => n.replace(/^lstm\//, 'lstm/lstm_cell/'));
    delete (file.modelTopology as { training_config?: unknown }).training_config;
    const imported = expectSamePredictions(model, file, data, tf.randomUniform([2, 6, 3]));

    const edges = imported.graph.edges.map((e) => `${e.source}->${e.target}:${e.targetPort}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'lstm->add:0',
        'left->add:1',
        'add->concatenate:0',
        'lstm->concatenate:1',
      ]),
    );
    // No loss in the file: a sigmoid output suggests a yes/no target.
    expect(imported.graph.nodes.at(-1)!.params).toMatchObject({ loss: 'binary_crossentropy' });
  });

  it('lists the layers it cannot express with their class and name', () => {
    const layer = (
      class_name: string,
      name: string,
      config: Record<string, unknown>,
      inputs: string[],
    ) => ({
      class_name,
      name,
      config: { name, ...config },
      inbound_nodes: inputs.length ? [inputs.map((i) => [i, 0, 0, {}])] : [],
    });
    const file = {
      modelTopology: {
        class_name: 'Functional',
        config: {
          name: 'odd',
          layers: [
            layer('InputLayer', 'x', { batch_input_shape: [null, 8, 8, 3] }, []),
            layer('Lambda', 'custom_fn', { function: 'x * 2' }, ['x']),
            layer('Conv2D', 'conv', { filters: 2, kernel_size: [3, 3], padding: 'causal' }, ['x']),
            layer('BatchNormalization', 'bn_channels_first', { axis: 1 }, ['x']),
            layer('Dense', 'swishy', { units: 2, activation: 'softplus' }, ['x']),
            layer('Flatten', 'flat', {}, ['x']),
          ],
          input_layers: [['x', 0, 0]],
          output_layers: [['flat', 0, 0]],
        },
      },
    };
    const imported = importKerasModel(file);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.unsupported.map((u) => `${u.className} ${u.layer}`).sort()).toEqual([
      'BatchNormalization bn_channels_first',
      'Conv2D conv',
      'Dense swishy',
      'Lambda custom_fn',
    ]);
    expect(imported.unsupported.find((u) => u.layer === 'conv')!.reason).toContain('padding');
    expect(imported.graph.nodes.map((n) => n.kind)).toEqual(['Input', 'Flatten', 'Output']);
  });

  it('reads Keras 3 inbound nodes (args with keras_history)', () => {
    const ref = (name: string) => ({
      class_name: '__keras_tensor__',
      config: { keras_history: [name, 0, 0] },
    });
    const file = {
      class_name: 'Functional',
      config: {
        name: 'k3',
        layers: [
          {
            class_name: 'InputLayer',
            name: 'a',
            config: { name: 'a', batch_shape: [null, 4] },
            inbound_nodes: [],
          },
          {
            class_name: 'InputLayer',
            name: 'b',
            config: { name: 'b', batch_shape: [null, 4] },
            inbound_nodes: [],
          },
          {
            class_name: 'Subtract',
            name: 'diff',
            config: { name: 'diff' },
            inbound_nodes: [{ args: [[ref('a'), ref('b')]], kwargs: {} }],
          },
          {
            class_name: 'Dense',
            name: 'head',
            config: { name: 'head', units: 1, activation: 'linear' },
            inbound_nodes: [{ args: [ref('diff')], kwargs: {} }],
          },
        ],
        input_layers: [
          ['a', 0, 0],
          ['b', 0, 0],
        ],
        output_layers: [['head', 0, 0]],
      },
    };
    const imported = importKerasModel(file);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.unsupported).toEqual([]);
    expect(imported.graph.edges.map((e) => `${e.source}->${e.target}:${e.targetPort}`)).toEqual([
      'a->diff:0',
      'b->diff:1',
      'diff->head:0',
      'head->output:0',
    ]);
    expect(imported.graph.nodes.at(-1)!.params).toMatchObject({ loss: 'mean_squared_error' });
  });

  it('refuses a file that holds no layers model', () => {
    const imported = importKerasModel({ format: 'graph-model', modelTopology: { node: [] } });
    expect(imported).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a Keras/TF.js layers model'),
    });
  });
});
