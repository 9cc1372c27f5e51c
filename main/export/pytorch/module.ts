import type * as tf from '@tensorflow/tfjs';
import { formatShape } from '../../../shared/layers/shape.js';
import type { FlatAnalysis } from '../../../shared/graph/analyze.js';
import { emitEach } from '../emit.js';
import type { UnsupportedLayer } from '../exporter.js';
import type { TorchLayer } from './layer.js';
import { preludeSource, type Helper } from './prelude.js';
import { commentLine, pythonNames } from './python.js';
import type { NamedTensor } from './safetensors.js';
import { torchEmitters } from './table.js';

/** What the module writer needs: the flat graph, and where the trained weights live. */
export interface ModuleInput {
  flat: FlatAnalysis;
  model: tf.LayersModel;
  layerNames: Map<string, string>;
  /** The model's display name, which names the class. */
  modelName: string;
  projectName: string;
}

/** The generated module: its source, its class and the state dict that fills it. */
export interface TorchModule {
  className: string;
  source: string;
  state: NamedTensor[];
  /** Python names of the forward's arguments (Input nodes, document order) and results. */
  inputs: { nodeId: string; name: string; shape: readonly (number | null)[]; dtype: string }[];
  outputs: { nodeId: string; shape: readonly (number | null)[] }[];
}

export type ModuleResult =
  { ok: true; module: TorchModule } | { ok: false; unsupported: UnsupportedLayer[] };

/** Names of classes the helpers define, which the model class must not take. */
const HELPER_CLASSES = new Set(
  [
    'Conv1d',
    'Conv2d',
    'ConvTranspose2d',
    'SeparableConv2d',
    'Pool',
    'BatchNorm',
    'Recurrent',
  ].concat(
    ['PositionEmbedding', 'SinusoidalPositionalEncoding', 'MultiHeadAttention'],
    ['TransformerEncoderBlock', 'TransformerDecoderBlock', 'ChannelsLastConv'],
  ),
);

/** `Conv autoencoder` → `ConvAutoencoder`, a valid class name no helper uses. */
export function className(modelName: string): string {
  const words = modelName.match(/[A-Za-z0-9]+/g) ?? [];
  let name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Model';
  if (/^[0-9]/.test(name)) name = `Model${name}`;
  return HELPER_CLASSES.has(name) ? `${name}Model` : name;
}

/**
 * Writes the model as an `nn.Module` whose forward follows the flat graph in topological order,
 * one attribute per layer named after its node, taking and returning channels-last tensors
 * exactly as the tfjs model does; and converts the tfjs weights into its state dict.
 */
export function torchModule(input: ModuleInput): ModuleResult {
  const { flat } = input;
  const { emitted, unsupported } = emitEach(flat, torchEmitters);
  if (unsupported.length > 0) return { ok: false, unsupported };

  const names = pythonNames(flat.order);
  const vars = new Map<string, string>();
  const helpers = new Set<Helper>();
  const init: string[] = [];
  const forward: string[] = [];
  const state: NamedTensor[] = [];
  const ofKind = (kind: string) => flat.graph.nodes.filter((n) => n.kind === kind).map((n) => n.id);
  const inputs = ofKind('Input').map((id) => {
    const node = flat.nodes.get(id)!;
    vars.set(id, names.get(id)!);
    const dtype = (node.params?.dtype as string | undefined) ?? 'float32';
    return { nodeId: id, name: names.get(id)!, shape: node.shape!, dtype };
  });

  for (const id of flat.order) {
    const node = flat.nodes.get(id)!;
    const layer = emitted.get(id)!;
    if (node.kind === 'Input') continue;
    const args = node.inputs.map((source) => vars.get(source)!);
    if (node.kind === 'Output') {
      vars.set(id, layer.forward(args, ''));
      continue;
    }
    const name = names.get(id)!;
    const self = `self.${name}`;
    for (const helper of layer.helpers ?? []) helpers.add(helper);
    if (layer.module) init.push(`        ${self} = ${layer.module}`);
    const from = node.inputs.map((s) => formatShape(flat.nodes.get(s)!.shape!)).join(', ');
    forward.push(
      `        # ${commentLine(id)} (${node.kind}): ${from} -> ${formatShape(node.shape!)}`,
      `        ${name} = ${layer.forward(args, self)}`,
    );
    vars.set(id, name);
    if (layer.state) state.push(...stateOf(input, id, name, layer));
  }

  const outputs = ofKind('Output').map((id) => ({ nodeId: id, shape: flat.nodes.get(id)!.shape! }));
  const results = ofKind('Output').map((id) => vars.get(id)!);
  const cls = className(input.modelName);
  const source = moduleSource({
    cls,
    input,
    helpers: preludeSource(helpers),
    init,
    forward,
    args: inputs.map((i) => i.name),
    results,
  });
  return { ok: true, module: { className: cls, source, state, inputs, outputs } };
}

/** The node's state-dict entries from its tfjs layer's weights. */
function stateOf(input: ModuleInput, id: string, name: string, layer: TorchLayer): NamedTensor[] {
  const weights = input.model.getLayer(input.layerNames.get(id)!).getWeights();
  const entries = layer.state!(weights);
  return entries.map(([key, tensor]) => {
    const named = {
      name: `${name}.${key}`,
      shape: tensor.shape,
      data: tensor.dataSync() as Float32Array,
    };
    tensor.dispose();
    return named;
  });
}

interface SourceParts {
  cls: string;
  input: ModuleInput;
  helpers: string;
  init: string[];
  forward: string[];
  args: string[];
  results: string[];
}

function moduleSource({ cls, input, helpers, init, forward, args, results }: SourceParts): string {
  const returned = results.length === 1 ? results[0] : `${results.join(', ')}`;
  return `"""${commentLine(input.modelName)} (project "${commentLine(input.projectName)}"), exported from Strata.

    model = load_model()          # ${cls} with the trained weights, in eval mode
    y = model(x)                  # x channels-last, as in Strata: [batch, height, width, channels]

Tensors are channels-last (NHWC) throughout, like Strata, TensorFlow.js and Keras: each convolution
and pooling layer moves the channels to where torch wants them and back, so Flatten and Dense
see values in Keras' order and the outputs compare one to one with Strata's.
The weights are in weights.safetensors (the safetensors format, float32, little-endian);
read_safetensors() below reads it with no package beyond torch.
"""
import json
import math
import struct
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

WEIGHTS = Path(__file__).with_name("weights.safetensors")


${helpers ? `${helpers}\n\n\n` : ''}class ${cls}(nn.Module):
    """The Strata graph "${commentLine(input.modelName)}", one attribute per layer, named after its node."""

    def __init__(self):
        super().__init__()
${init.length > 0 ? init.join('\n') : '        pass'}

    def forward(self, ${args.join(', ')}):
${forward.join('\n')}
        return ${returned}


def read_safetensors(path):
    """Reads a safetensors file of float32 tensors into a dict of torch tensors."""
    data = Path(path).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + length])
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] != "F32":
            raise ValueError(f"{name}: expected F32 data, found {entry['dtype']}")
        start, end = entry["data_offsets"]
        raw = bytearray(data[8 + length + start : 8 + length + end])
        tensors[name] = torch.frombuffer(raw, dtype=torch.float32).reshape(entry["shape"]).clone()
    return tensors


def load_model(path=WEIGHTS):
    """${cls} with the weights at \`path\`, in eval mode (dropout off, running statistics used)."""
    model = ${cls}()
    missing, unexpected = model.load_state_dict(read_safetensors(path), strict=False)
    # BatchNorm's step counter is torch bookkeeping that Keras has no counterpart for.
    missing = [key for key in missing if not key.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise ValueError(f"weights do not fit ${cls}: missing {missing}, unexpected {unexpected}")
    return model.eval()
`;
}
