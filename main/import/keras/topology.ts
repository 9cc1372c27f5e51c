import { z } from 'zod';

/** One layer of a Keras / TF.js topology, its inputs resolved to layer names. @public */
export interface KerasLayer {
  name: string;
  className: string;
  config: Record<string, unknown>;
  /** The layers feeding it, in argument order (the tensor index is kept for multi-output layers). */
  inbound: { layer: string; tensor: number }[];
  /** How many times the layer is applied: more than once means weights shared between calls. */
  calls: number;
}

/** A layers-model topology as a list of layers in file order, with its inputs and outputs. */
export interface KerasTopology {
  name: string;
  layers: KerasLayer[];
  inputs: string[];
  outputs: string[];
  /** The loss it was compiled with, when the file keeps its training config. */
  loss?: string;
}

export type TopologyResult = { ok: true; topology: KerasTopology } | { ok: false; message: string };

const configSchema = z.record(z.string(), z.unknown());
const layerSchema = z.object({
  class_name: z.string(),
  name: z.string().optional(),
  config: configSchema,
  inbound_nodes: z.array(z.unknown()).optional(),
});
type RawLayer = z.infer<typeof layerSchema>;

const modelSchema = z.object({
  class_name: z.string(),
  config: z.union([
    z.array(layerSchema),
    z.object({
      name: z.string().optional(),
      layers: z.array(layerSchema),
      input_layers: z.unknown().optional(),
      output_layers: z.unknown().optional(),
    }),
  ]),
});

/**
 * Reads the topology of a TF.js `model.json` (Keras' converter or tfjs' own save) or of a Keras
 * `model.to_json()`: Sequential or functional, Keras 2 or Keras 3 inbound-node forms.
 */
export function readTopology(file: unknown): TopologyResult {
  const root = asRecord(file);
  const topology = asRecord(root?.modelTopology) ?? root;
  const model = asRecord(topology?.model_config) ?? topology;
  const parsed = modelSchema.safeParse(model);
  if (!parsed.success) {
    const where = parsed.error.issues[0];
    return {
      ok: false,
      message: `not a Keras/TF.js layers model: ${where.path.join('.') || 'top level'}: ${where.message}`,
    };
  }
  const { class_name: kind, config } = parsed.data;
  const loss = trainingLoss(asRecord(topology?.training_config) ?? asRecord(root?.trainingConfig));
  const layers = Array.isArray(config) ? config : config.layers;
  const name = (Array.isArray(config) ? undefined : config.name) ?? 'imported';
  if (kind === 'Sequential') return { ok: true, topology: { ...sequential(layers), name, loss } };
  if (kind === 'Model' || kind === 'Functional') {
    if (Array.isArray(config)) return { ok: false, message: `a ${kind} config needs "layers"` };
    return functional(name, layers, config.input_layers, config.output_layers, loss);
  }
  return { ok: false, message: `model class "${kind}" is not a Sequential or functional model` };
}

/** A Sequential model: each layer feeds the next; the first may carry the input shape itself. */
function sequential(raw: RawLayer[]): Omit<KerasTopology, 'name'> {
  const layers: KerasLayer[] = [];
  const first = raw[0];
  if (first && first.class_name !== 'InputLayer') {
    const shape = first.config.batch_input_shape ?? first.config.batch_shape;
    if (shape !== undefined) {
      layers.push({
        name: `${layerName(first)}_input`,
        className: 'InputLayer',
        config: { batch_input_shape: shape, dtype: first.config.dtype ?? 'float32' },
        inbound: [],
        calls: 1,
      });
    }
  }
  for (const layer of raw) {
    const previous = layers.at(-1);
    layers.push({
      name: layerName(layer),
      className: layer.class_name,
      config: layer.config,
      inbound: previous ? [{ layer: previous.name, tensor: 0 }] : [],
      calls: 1,
    });
  }
  return {
    layers,
    inputs: layers.length > 0 ? [layers[0].name] : [],
    outputs: layers.length > 0 ? [layers.at(-1)!.name] : [],
  };
}

function functional(
  name: string,
  raw: RawLayer[],
  inputLayers: unknown,
  outputLayers: unknown,
  loss: string | undefined,
): TopologyResult {
  const layers = raw.map((layer) => {
    const calls = (layer.inbound_nodes ?? []).map(inboundOf);
    return {
      name: layerName(layer),
      className: layer.class_name,
      config: layer.config,
      inbound: calls[0] ?? [],
      calls: calls.length,
    };
  });
  return {
    ok: true,
    topology: {
      name,
      layers,
      inputs: endpoints(inputLayers),
      outputs: endpoints(outputLayers),
      loss,
    },
  };
}

/** One call's inputs: Keras 2 `[[name, node, tensor, kwargs], …]` or Keras 3 `{args, kwargs}`. */
function inboundOf(call: unknown): { layer: string; tensor: number }[] {
  if (Array.isArray(call)) {
    return call.flatMap((entry) => {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') return [];
      const own = [{ layer: entry[0], tensor: Number(entry[2] ?? 0) }];
      // Keras 2 passes attention's key/value as keyword arguments: `{value: [name, node, tensor]}`.
      const kwargs = asRecord(entry[3]) ?? {};
      return [...own, ...['value', 'key'].flatMap((k) => historyList(kwargs[k]))];
    });
  }
  const record = asRecord(call);
  if (!record) return [];
  const kwargs = asRecord(record.kwargs) ?? {};
  return [...historyList(record.args), ...['value', 'key'].flatMap((k) => historyList(kwargs[k]))];
}

/** Keras tensors found in Keras 3 arguments (possibly nested lists) or a Keras 2 triple. */
function historyList(value: unknown): { layer: string; tensor: number }[] {
  if (Array.isArray(value)) {
    if (typeof value[0] === 'string') return [{ layer: value[0], tensor: Number(value[2] ?? 0) }];
    return value.flatMap(historyList);
  }
  const history = asRecord(asRecord(value)?.config)?.keras_history;
  return Array.isArray(history) && typeof history[0] === 'string'
    ? [{ layer: history[0], tensor: Number(history[2] ?? 0) }]
    : [];
}

/** `input_layers` / `output_layers`: `[[name, node, tensor], …]` or a single triple. */
function endpoints(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  if (typeof value[0] === 'string') return [value[0]];
  return value.flatMap((entry) =>
    Array.isArray(entry) && typeof entry[0] === 'string' ? [entry[0]] : [],
  );
}

function trainingLoss(config: Record<string, unknown> | undefined): string | undefined {
  const loss = config?.loss;
  if (typeof loss === 'string') return loss;
  const named = asRecord(loss);
  const inner = asRecord(named?.config);
  return typeof inner?.name === 'string' ? inner.name : undefined;
}

function layerName(layer: RawLayer): string {
  const name = layer.name ?? layer.config.name;
  return typeof name === 'string' ? name : layer.class_name;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
