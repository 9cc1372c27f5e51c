import type * as tf from '@tensorflow/tfjs';
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';

/** The ONNX protobuf messages (onnx-proto's generated classes). */
export const { onnx } = onnxProto;
export type NodeProto = InstanceType<typeof onnx.NodeProto>;
export type TensorProto = InstanceType<typeof onnx.TensorProto>;
export type ModelProto = InstanceType<typeof onnx.ModelProto>;
export type ValueInfo = Onnx.IValueInfoProto;

/** The operator set Strata writes: 17 is the first with LayerNormalization. */
export const OPSET = 17;
/** IR version 8 goes with opsets up to 17 (the ONNX versioning table). */
export const IR_VERSION = 8;

const { AttributeType } = onnx.AttributeProto;
export const { DataType } = onnx.TensorProto;

/** An attribute value; the helpers below tag it with its ONNX type. */
export type Attribute = Omit<Onnx.IAttributeProto, 'name'>;
export const int = (i: number): Attribute => ({ type: AttributeType.INT, i });
export const float = (f: number): Attribute => ({ type: AttributeType.FLOAT, f });
export const ints = (values: readonly number[]): Attribute => ({
  type: AttributeType.INTS,
  ints: [...values],
});
export const floats = (values: readonly number[]): Attribute => ({
  type: AttributeType.FLOATS,
  floats: [...values],
});
export const str = (s: string): Attribute => ({
  type: AttributeType.STRING,
  s: new TextEncoder().encode(s),
});
export const strs = (values: readonly string[]): Attribute => ({
  type: AttributeType.STRINGS,
  strings: values.map((s) => new TextEncoder().encode(s)),
});

/**
 * Collects the nodes and initializers of one ONNX graph. Every name it hands out is unique and
 * starts with the current scope (the Strata node being emitted), so a node in Netron names its layer.
 */
export class OnnxGraph {
  readonly nodes: Onnx.INodeProto[] = [];
  readonly initializers: Onnx.ITensorProto[] = [];
  scope = 'model';
  private readonly taken = new Set<string>();

  /** A fresh tensor or node name under the current scope. */
  fresh(base: string): string {
    const stem = `${this.scope}/${base}`;
    let name = stem;
    for (let n = 2; this.taken.has(name); n++) name = `${stem}_${n}`;
    this.taken.add(name);
    return name;
  }

  /** Claims an exact name (graph inputs and outputs). */
  claim(name: string): string {
    if (this.taken.has(name)) throw new Error(`ONNX name "${name}" is used twice`);
    this.taken.add(name);
    return name;
  }

  /** Adds a node with several outputs and returns their names. */
  opN(
    opType: string,
    inputs: readonly string[],
    outputs: number,
    attributes: Record<string, Attribute> = {},
  ): string[] {
    const name = this.fresh(opType);
    const output = Array.from({ length: outputs }, (_, i) => (i === 0 ? name : `${name}:${i}`));
    for (const o of output.slice(1)) this.taken.add(o);
    this.nodes.push({
      name,
      opType,
      input: [...inputs],
      output,
      attribute: Object.entries(attributes).map(([key, a]) => ({ ...a, name: key })),
    });
    return output;
  }

  /** Adds a node with one output and returns its name. */
  op(
    opType: string,
    inputs: readonly string[],
    attributes: Record<string, Attribute> = {},
  ): string {
    return this.opN(opType, inputs, 1, attributes)[0];
  }

  /** Adds a node writing to an exact name (a graph output). */
  opInto(opType: string, inputs: readonly string[], output: string): void {
    this.nodes.push({ name: this.fresh(opType), opType, input: [...inputs], output: [output] });
  }

  /** A float32 initializer holding a tfjs tensor's values. */
  weight(base: string, tensor: tf.Tensor): string {
    const data = tensor.dataSync();
    return this.floatConstant(base, data instanceof Float32Array ? data : Float32Array.from(data), [
      ...tensor.shape,
    ]);
  }

  floatConstant(base: string, data: Float32Array, dims: readonly number[]): string {
    const name = this.fresh(base);
    this.initializers.push({
      name,
      dims: [...dims],
      dataType: DataType.FLOAT,
      rawData: new Uint8Array(
        data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      ),
    });
    return name;
  }

  /** An int64 initializer (shapes, axes, pads), written as raw little-endian bytes. */
  int64s(base: string, values: readonly number[]): string {
    const name = this.fresh(base);
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.initializers.push({
      name,
      dims: [values.length],
      dataType: DataType.INT64,
      rawData: new Uint8Array(data.buffer),
    });
    return name;
  }

  /** A float scalar initializer. */
  scalar(base: string, value: number): string {
    return this.floatConstant(base, Float32Array.of(value), []);
  }
}
