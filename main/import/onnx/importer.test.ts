import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { GraphBody } from '../../../shared/graph/document.js';
import { chainOf } from '../../../shared/graph/sketch.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { compileModel } from '../../engine/tfjs/compile.js';
import { DataType, onnx, OPSET } from '../../export/onnx/graph.js';
import { buildOnnxModel, encodeOnnx } from '../../export/onnx/model.js';
import { randomInputs, randomiseWeights } from '../../export/onnx/parity.js';
import { importOnnx } from './importer.js';
import { loadImportedWeights } from './weights.js';

/** Compiles a graph with random weights and writes it as ONNX bytes. */
function exported(graph: GraphBody) {
  const compiled = compileModel(graph, 'original');
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  randomiseWeights(compiled.model, 5);
  const built = buildOnnxModel({
    ...compiled,
    flat: compiled.analysis.flat,
    graph: { id: 'm', name: 'm', ...graph },
  });
  if (!built.ok) throw new Error(JSON.stringify(built.unsupported));
  return { compiled, bytes: encodeOnnx(built.model) };
}

/** Largest |a - b| between two models' outputs on the same random inputs. */
function maxDifference(
  a: tf.LayersModel,
  b: tf.LayersModel,
  examples: ReturnType<typeof randomInputs>,
) {
  const inputs = examples.map((e) => tf.tensor(e.data, e.shape));
  const [ya, yb] = [a, b].map((m) => m.predict(inputs) as tf.Tensor);
  expect(yb.shape).toEqual(ya.shape);
  const diff = tf.max(tf.abs(tf.sub(ya, yb))).dataSync()[0];
  tf.dispose([...inputs, ya, yb]);
  return diff;
}

/** Kinds as a sorted list: the import lists nodes in ONNX's (topological) order. */
const kinds = (g: GraphBody) => g.nodes.map((n) => n.kind).sort();

describe('ONNX import', () => {
  it.each([
    ['mlp-mnist', 'mlp'],
    ['mnist-cnn', 'cnn'],
    ['resnet-cnn', 'resnet'],
    ['conv-autoencoder', 'autoencoder'],
    ['dcgan', 'discriminator'],
    ['dcgan', 'generator'],
    ['inception-cnn', 'inception'],
    ['dense-autoencoder', 'autoencoder'],
  ])('round-trips the %s template: import, compile, same outputs', (name, modelId) => {
    const original = findTemplate(name)!.project.models.find((m) => m.id === modelId)!;
    const { compiled, bytes } = exported(original);
    const imported = importOnnx(bytes);
    if (!imported.ok) throw new Error(imported.message);
    // Every layer comes back but Dropout, which ONNX inference graphs do not hold.
    expect(kinds(imported.graph)).toEqual(kinds(original).filter((k) => k !== 'Dropout'));
    const rebuilt = compileModel(imported.graph, 'imported');
    if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.diagnostics));
    loadImportedWeights(rebuilt.model, rebuilt.layerNames, imported.weights);
    const examples = randomInputs(compiled.analysis.flat, 4, 9);
    expect(maxDifference(compiled.model, rebuilt.model, examples)).toBeLessThan(1e-5);
    compiled.model.dispose();
    rebuilt.model.dispose();
  });

  it('lays the graph out top to bottom: every edge points down', () => {
    const template = findTemplate('resnet-cnn')!.project.models[0];
    const imported = importOnnx(exported(template).bytes);
    if (!imported.ok) throw new Error(imported.message);
    const y = new Map(imported.graph.nodes.map((n) => [n.id, n.position.y]));
    for (const e of imported.graph.edges)
      expect(y.get(e.target)!).toBeGreaterThan(y.get(e.source)!);
    const places = imported.graph.nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(places).size).toBe(places.length);
  });

  it('lists every operator it cannot import by type and name', () => {
    const { bytes } = exported(
      chainOf(['Input', { shape: [4] }], ['Dense', { units: 3, activation: 'gelu' }], ['Output']),
    );
    const imported = importOnnx(bytes);
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    // The Dense comes back without its activation; the exact GELU's Div, Erf, Add, Mul do not.
    const ops = imported.unsupported.map((u) => u.opType).sort();
    expect(ops).toEqual(['Add', 'Div', 'Erf', 'Mul', 'Mul']);
    expect(imported.unsupported.every((u) => u.name.startsWith('n1/'))).toBe(true);
    expect(imported.message).toContain('Erf "n1/Erf"');
  });

  it('reads a Gemm MLP written by another tool (transposed weights, no names)', () => {
    const w = Float32Array.from({ length: 6 }, (_, i) => i / 10 - 0.2); // [out 2, in 3]
    const b = Float32Array.of(0.5, -0.5);
    const tensor = (name: string, dims: number[], data: Float32Array) => ({
      name,
      dims,
      dataType: DataType.FLOAT,
      floatData: [...data],
    });
    const info = (name: string, width: number) => ({
      name,
      type: {
        tensorType: {
          elemType: DataType.FLOAT,
          shape: { dim: [{ dimParam: 'N' }, { dimValue: width }] },
        },
      },
    });
    const bytes = onnx.ModelProto.encode(
      onnx.ModelProto.create({
        irVersion: 8,
        opsetImport: [{ domain: '', version: OPSET }],
        graph: {
          node: [
            {
              opType: 'Gemm',
              input: ['x', 'W', 'B'],
              output: ['h'],
              attribute: [{ name: 'transB', type: onnx.AttributeProto.AttributeType.INT, i: 1 }],
            },
            { opType: 'Sigmoid', input: ['h'], output: ['y'] },
          ],
          initializer: [tensor('W', [2, 3], w), tensor('B', [2], b)],
          input: [info('x', 3)],
          output: [info('y', 2)],
        },
      }),
    ).finish();
    const imported = importOnnx(bytes);
    if (!imported.ok) throw new Error(imported.message);
    expect(kinds(imported.graph)).toEqual(['Dense', 'Input', 'Output']);
    expect(imported.graph.nodes[1].params).toMatchObject({
      units: 2,
      activation: 'sigmoid',
      useBias: true,
    });
    const rebuilt = compileModel(imported.graph);
    if (!rebuilt.ok) throw new Error(JSON.stringify(rebuilt.diagnostics));
    loadImportedWeights(rebuilt.model, rebuilt.layerNames, imported.weights);
    const x = [1, 2, -1];
    const y = rebuilt.model.predict(tf.tensor2d([x])) as tf.Tensor;
    // y_j = sigmoid(Σ_i W[j][i]·x_i + b_j), W stored [out, in].
    const expected = [0, 1].map(
      (j) => 1 / (1 + Math.exp(-(x.reduce((s, xi, i) => s + w[j * 3 + i] * xi, 0) + b[j]))),
    );
    const got = Array.from(y.dataSync());
    got.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 6));
    rebuilt.model.dispose();
  });
});
