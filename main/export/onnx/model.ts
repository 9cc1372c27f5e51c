import * as tf from '@tensorflow/tfjs';
import type { LayerKind } from '../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../shared/layers/shape.js';
import type { ExportInput, UnsupportedLayer } from '../exporter.js';
import { UnsupportedNode, type ElementType, type OnnxEmitter } from './emitter.js';
import {
  DataType,
  IR_VERSION,
  OnnxGraph,
  onnx,
  OPSET,
  type ModelProto,
  type ValueInfo,
} from './graph.js';
import { onnxEmitters } from './table.js';

export type OnnxBuild =
  | { ok: true; model: ModelProto; inputs: string[]; outputs: string[] }
  | { ok: false; unsupported: UnsupportedLayer[] };

/** A graph input or output: `[batch, …shape]` with unknown sizes named. */
function valueInfo(name: string, shape: TensorShape, type: ElementType): ValueInfo {
  const dims = [
    { dimParam: 'batch' },
    ...shape.map((d, i) => (d === null ? { dimParam: `${name}_${i + 1}` } : { dimValue: d })),
  ];
  const elemType = type === 'int' ? DataType.INT32 : DataType.FLOAT;
  return { name, type: { tensorType: { elemType, shape: { dim: dims } } } };
}

/**
 * Writes the flat graph of `input` as an ONNX model (opset {@link OPSET}) with the tfjs model's
 * weights as initializers. Tensors stay channels-last, so the inputs and outputs are those of
 * the tfjs model. Graph inputs and outputs are named after their Input and Output node ids.
 */
export function buildOnnxModel({
  flat,
  model,
  layerNames,
  graph,
}: Pick<ExportInput, 'flat' | 'model' | 'layerNames' | 'graph'>): OnnxBuild {
  const g = new OnnxGraph();
  const tensors = new Map<string, { name: string; type: ElementType }>();
  const unsupported: UnsupportedLayer[] = [];
  for (const id of flat.order) {
    const node = flat.nodes.get(id)!;
    const kind = node.kind as LayerKind;
    const entry = onnxEmitters[kind];
    if ('unsupported' in entry) {
      unsupported.push({ nodeId: id, kind, reason: entry.unsupported });
      continue;
    }
    const sources = node.inputs.map((s) => tensors.get(s));
    if (sources.some((s) => s === undefined)) continue; // downstream of a node already reported
    g.scope = id;
    const layer = layerNames.get(id);
    const weights = () => (layer === undefined ? [] : model.getLayer(layer).getWeights());
    const emit = entry as OnnxEmitter<LayerKind>;
    const outputName = kind === 'Input' || kind === 'Output' ? g.claim(id) : id;
    try {
      const name = tf.tidy(() =>
        emit({
          g,
          nodeId: id,
          params: node.params as never,
          inputs: sources.map((s) => s!.name),
          inputTypes: sources.map((s) => s!.type),
          inputShapes: node.inputs.map((s) => flat.nodes.get(s)!.shape!),
          shape: node.shape!,
          weights,
          outputName,
        }),
      );
      const intInput = kind === 'Input' && (node.params as { dtype?: string }).dtype === 'int32';
      tensors.set(id, { name, type: intInput ? 'int' : 'float' });
    } catch (error) {
      if (!(error instanceof UnsupportedNode)) throw error;
      unsupported.push({ nodeId: id, kind, reason: error.message });
    }
  }
  if (unsupported.length > 0) return { ok: false, unsupported };

  const ofKind = (kind: string) => flat.graph.nodes.filter((n) => n.kind === kind).map((n) => n.id);
  const inputs = ofKind('Input');
  const outputs = ofKind('Output');
  const info = (id: string) => valueInfo(id, flat.nodes.get(id)!.shape!, tensors.get(id)!.type);
  const proto = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'Strata',
    graph: {
      name: graph.name || graph.id,
      node: g.nodes,
      initializer: g.initializers,
      input: inputs.map(info),
      output: outputs.map(info),
    },
  });
  return { ok: true, model: proto, inputs, outputs };
}

/** The model's protobuf bytes. */
export function encodeOnnx(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}
