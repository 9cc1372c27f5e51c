import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';
import type { TensorShape } from '../../../shared/layers/shape.js';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

/** A constant tensor of the model (an initializer or a Constant node's value). */
export interface Constant {
  dims: number[];
  /** Float tensors as float32; integer tensors as plain numbers (shapes, axes, pads). */
  values: Float32Array | number[];
}

/** An attribute as a plain value. */
export type AttributeValue = number | number[] | string | string[];

/** One ONNX operator with plain attributes. */
export interface OpNode {
  name: string;
  opType: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, AttributeValue>;
}

/** A graph input: its shape without the batch axis and whether it holds integers. */
export interface GraphInput {
  name: string;
  shape: TensorShape;
  int: boolean;
}

/** An ONNX model reduced to what the importer reads. */
export interface DecodedModel {
  nodes: OpNode[];
  constants: Map<string, Constant>;
  inputs: GraphInput[];
  outputs: string[];
}

const toNumber = (v: number | { toNumber(): number }) => (typeof v === 'number' ? v : v.toNumber());

function tensorValues(t: Onnx.ITensorProto): Constant['values'] {
  const raw = t.rawData && t.rawData.byteLength > 0 ? t.rawData : null;
  const copy = (bytes: Uint8Array) =>
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  switch (t.dataType) {
    case DataType.FLOAT:
      return raw ? new Float32Array(copy(raw)) : Float32Array.from(t.floatData ?? []);
    case DataType.INT64:
      return raw
        ? Array.from(new BigInt64Array(copy(raw)), Number)
        : (t.int64Data ?? []).map(toNumber);
    case DataType.INT32:
      return raw ? Array.from(new Int32Array(copy(raw))) : [...(t.int32Data ?? [])];
    default:
      throw new Error(
        `tensor "${t.name}" has element type ${t.dataType}, which Strata cannot read`,
      );
  }
}

function constant(t: Onnx.ITensorProto): Constant {
  return { dims: (t.dims ?? []).map(toNumber), values: tensorValues(t) };
}

function attribute(a: Onnx.IAttributeProto): AttributeValue {
  const { AttributeType } = onnx.AttributeProto;
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  switch (a.type) {
    case AttributeType.INT:
      return toNumber(a.i ?? 0);
    case AttributeType.FLOAT:
      return a.f ?? 0;
    case AttributeType.INTS:
      return (a.ints ?? []).map(toNumber);
    case AttributeType.FLOATS:
      return [...(a.floats ?? [])];
    case AttributeType.STRING:
      return text(a.s ?? new Uint8Array());
    case AttributeType.STRINGS:
      return (a.strings ?? []).map(text);
    default:
      return [];
  }
}

/** Decodes ONNX protobuf bytes; Constant nodes become constants like initializers. */
export function decodeOnnx(bytes: Uint8Array): DecodedModel {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  if (!graph) throw new Error('the file holds no ONNX graph');
  const constants = new Map<string, Constant>();
  for (const t of graph.initializer ?? []) constants.set(t.name ?? '', constant(t));
  const nodes: OpNode[] = [];
  for (const [i, n] of (graph.node ?? []).entries()) {
    const attributes = new Map((n.attribute ?? []).map((a) => [a.name ?? '', attribute(a)]));
    const valueAttribute = (n.attribute ?? []).find((a) => a.name === 'value')?.t;
    if (n.opType === 'Constant' && valueAttribute) {
      constants.set(n.output?.[0] ?? '', constant(valueAttribute));
      continue;
    }
    nodes.push({
      name: n.name || `${n.opType}_${i}`,
      opType: n.opType ?? '',
      inputs: [...(n.input ?? [])],
      outputs: [...(n.output ?? [])],
      attributes,
    });
  }
  const inputs = (graph.input ?? [])
    .filter((v) => !constants.has(v.name ?? ''))
    .map((v): GraphInput => {
      const tensor = v.type?.tensorType;
      const dims = (tensor?.shape?.dim ?? []).map((d) =>
        d.dimValue != null && toNumber(d.dimValue) > 0 ? toNumber(d.dimValue) : null,
      );
      const int = tensor?.elemType === DataType.INT32 || tensor?.elemType === DataType.INT64;
      return { name: v.name ?? '', shape: dims.slice(1), int };
    });
  return { nodes, constants, inputs, outputs: (graph.output ?? []).map((v) => v.name ?? '') };
}
