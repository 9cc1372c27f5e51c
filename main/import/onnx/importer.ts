import { layerDefinition } from '../../../shared/layers/catalogue.js';
import type { TensorShape } from '../../../shared/layers/shape.js';
import type { GraphBody, GraphEdge, GraphNode } from '../../../shared/graph/document.js';
import { decodeOnnx, type DecodedModel, type OpNode } from './decode.js';
import { layoutTopToBottom } from './layout.js';
import type { ImportedWeight, Match, MatchContext, Matcher } from './match.js';
import {
  matchActivation,
  matchGather,
  matchGemm,
  matchLayerNorm,
  matchMatMul,
  matchScaleShift,
} from './match-dense.js';
import { matchRecurrent } from './match-recurrent.js';
import { matchGlobalPool, matchMerge, matchReshaping } from './match-shape.js';
import { matchChannelsFirstWindow } from './match-spatial.js';

/** An ONNX operator the importer could not turn into a layer. */
export interface UnsupportedOperator {
  opType: string;
  name: string;
  reason: string;
}

export type OnnxImport =
  | {
      ok: true;
      graph: GraphBody;
      /** Each node's weights in its tfjs layer's order (see {@link loadImportedWeights}). */
      weights: Map<string, ImportedWeight[]>;
    }
  | { ok: false; message: string; unsupported: UnsupportedOperator[] };

/** Tried in order; the layout-transpose pattern comes before a plain Transpose (Permute). */
const MATCHERS: Matcher[] = [
  matchRecurrent,
  matchChannelsFirstWindow,
  matchMatMul,
  matchGemm,
  matchScaleShift,
  matchLayerNorm,
  matchGather,
  matchActivation,
  matchReshaping,
  matchGlobalPool,
  matchMerge,
];

/** Operators that compute nothing at inference. */
const PASS_THROUGH = new Set(['Identity', 'Dropout']);

/**
 * Turns an ONNX model (channels-last, as Strata writes it) into an editable Strata graph laid out
 * top to bottom, with each layer's weights. Every operator that is not understood is listed with
 * its type and name; nothing is dropped silently.
 */
export function importOnnx(bytes: Uint8Array): OnnxImport {
  let model: DecodedModel;
  try {
    model = decodeOnnx(bytes);
  } catch (error) {
    return { ok: false, message: `Not a readable ONNX model: ${String(error)}`, unsupported: [] };
  }
  return new Importer(model).run();
}

class Importer {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];
  private readonly weights = new Map<string, ImportedWeight[]>();
  private readonly unsupported: UnsupportedOperator[] = [];
  /** ONNX tensor → the Strata node producing it. */
  private readonly producers = new Map<string, string>();
  private readonly shapes = new Map<string, TensorShape>();
  private readonly readers = new Map<string, OpNode[]>();
  private readonly ids = new Set<string>();

  constructor(private readonly model: DecodedModel) {
    for (const n of model.nodes)
      for (const t of n.inputs) this.readers.set(t, [...(this.readers.get(t) ?? []), n]);
  }

  run(): OnnxImport {
    const { model } = this;
    for (const input of model.inputs) {
      const id = this.freshId(input.name);
      this.add(
        id,
        'Input',
        { shape: [...input.shape], dtype: input.int ? 'int32' : 'float32' },
        [],
      );
      this.produce(input.name, id, input.shape);
    }
    const outputIds = model.outputs.map((o) => this.freshId(o));
    const done = new Set<OpNode>();
    for (const n of model.nodes) {
      if (done.has(n)) continue;
      if (PASS_THROUGH.has(n.opType)) {
        this.alias(n.outputs[0], n.inputs[0]);
        continue;
      }
      const match = this.match(n);
      if (!match) continue;
      for (const m of match.nodes) done.add(m);
      this.place(match, n);
    }
    model.outputs.forEach((o, i) => {
      if (this.producers.has(o)) this.add(outputIds[i], 'Output', {}, [o]);
    });
    if (this.unsupported.length > 0) {
      const list = this.unsupported.map((u) => `${u.opType} "${u.name}" (${u.reason})`).join('; ');
      return {
        ok: false,
        message: `Strata cannot import ${this.unsupported.length} ONNX operator(s): ${list}.`,
        unsupported: this.unsupported,
      };
    }
    const graph = { nodes: this.nodes, edges: this.edges };
    return { ok: true, graph: layoutTopToBottom(graph), weights: this.weights };
  }

  private context(): MatchContext {
    const outputs = new Set(this.model.outputs);
    return {
      constant: (t) => this.model.constants.get(t),
      soleConsumer: (t) => {
        const readers = this.readers.get(t) ?? [];
        return readers.length === 1 && !outputs.has(t) ? readers[0] : undefined;
      },
      shapeOf: (t) => this.shapes.get(t),
    };
  }

  private match(n: OpNode): Match | undefined {
    const ctx = this.context();
    for (const matcher of MATCHERS) {
      const found = matcher(n, ctx);
      if (!found) continue;
      if ('refused' in found) {
        this.unsupported.push({ opType: n.opType, name: n.name, reason: found.refused });
        return undefined;
      }
      return found;
    }
    const reason = n.inputs.some(
      (t) => this.readers.has(t) && !this.producers.has(t) && !this.model.constants.has(t),
    )
      ? 'its input comes from an operator that was not imported'
      : 'no Strata layer computes this operator';
    this.unsupported.push({ opType: n.opType, name: n.name, reason });
    return undefined;
  }

  /** Adds the node a match stands for, checking its shape with the catalogue's rule. */
  private place(match: Match, first: OpNode): void {
    if (match.inputs.some((t) => !this.producers.has(t))) {
      const reason = 'its input comes from an operator that was not imported';
      this.unsupported.push({ opType: first.opType, name: first.name, reason });
      return;
    }
    const id = this.freshId(first.name.split('/')[0] || match.kind);
    const definition = layerDefinition(match.kind);
    const parsed = definition.params.safeParse(match.params);
    const inputShapes = match.inputs.map((t) => this.shapes.get(t)!);
    const inferred = parsed.success ? definition.inferShape(inputShapes, parsed.data) : undefined;
    if (!inferred?.ok) {
      const reason = inferred
        ? inferred.issue.message
        : `parameters out of range: ${parsed.error?.message}`;
      this.unsupported.push({ opType: first.opType, name: first.name, reason });
      return;
    }
    this.add(id, match.kind, match.params, match.inputs);
    if (match.weights.length > 0) this.weights.set(id, match.weights);
    this.produce(match.output, id, inferred.shape);
  }

  private add(id: string, kind: string, params: Record<string, unknown>, inputs: string[]): void {
    this.nodes.push({ id, kind, params, position: { x: 0, y: 0 } });
    inputs.forEach((t, port) => {
      const source = this.producers.get(t)!;
      this.edges.push({ id: `${source}->${id}:${port}`, source, target: id, targetPort: port });
    });
  }

  private produce(tensor: string, id: string, shape: TensorShape): void {
    this.producers.set(tensor, id);
    this.shapes.set(tensor, shape);
  }

  private alias(tensor: string, of: string): void {
    const producer = this.producers.get(of);
    if (producer !== undefined) this.produce(tensor, producer, this.shapes.get(of)!);
    // Readers of the alias read the original: the sole-consumer test must see through it.
    this.readers.set(of, [
      ...(this.readers.get(of) ?? []).filter((r) => !r.outputs.includes(tensor)),
      ...(this.readers.get(tensor) ?? []),
    ]);
  }

  private freshId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}_${n}`;
    this.ids.add(id);
    return id;
  }
}
