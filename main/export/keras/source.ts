import type * as tf from '@tensorflow/tfjs';
import { formatShape } from '../../../shared/layers/shape.js';
import type { FlatAnalysis } from '../../../shared/graph/analyze.js';
import { emitEach } from '../emit.js';
import type { UnsupportedLayer } from '../exporter.js';
import { className } from '../pytorch/module.js';
import { commentLine, py, pythonNames } from '../pytorch/python.js';
import type { NamedTensor } from '../pytorch/safetensors.js';
import { kerasPrelude, KERAS_CUSTOM_CLASSES, type KerasHelper } from './prelude.js';
import { kerasEmitters } from './table.js';

/** What the Keras writer needs: the flat graph and where the trained weights live. */
export interface KerasInput {
  flat: FlatAnalysis;
  model: tf.LayersModel;
  layerNames: Map<string, string>;
  modelName: string;
  projectName: string;
}

export type KerasResult =
  | { ok: true; source: string; weights: NamedTensor[] }
  | { ok: false; unsupported: UnsupportedLayer[] };

/**
 * Writes a tf.keras functional-API `build_model()` that rebuilds the graph layer by layer (each
 * Keras layer named after its node), `load_model()` that fills it from the weights file with
 * `set_weights` (Strata's tfjs layers hold Keras' weights in Keras' order), and the weights.
 */
export function kerasSource(input: KerasInput): KerasResult {
  const { flat } = input;
  const { emitted, unsupported } = emitEach(flat, kerasEmitters);
  if (unsupported.length > 0) return { ok: false, unsupported };
  const names = pythonNames(flat.order);
  const vars = new Map<string, string>();
  const helpers = new Set<KerasHelper>();
  const lines: string[] = [];
  const weights: NamedTensor[] = [];
  const tfjsLayers = new Map(input.model.layers.map((l) => [l.name, l]));

  for (const id of flat.order) {
    const node = flat.nodes.get(id)!;
    const layer = emitted.get(id)!;
    const name = names.get(id)!;
    const args = node.inputs.map((source) => vars.get(source)!);
    if (node.kind === 'Output') {
      vars.set(id, args[0]);
      continue;
    }
    vars.set(id, name);
    for (const helper of layer.helpers ?? []) helpers.add(helper);
    if (node.kind === 'Input') {
      const dtype = (node.params?.dtype as string | undefined) ?? 'float32';
      lines.push(
        `    ${name} = keras.Input(shape=${py(node.shape)}, dtype="${dtype}", name="${name}")`,
      );
      continue;
    }
    const from = node.inputs.map((s) => formatShape(flat.nodes.get(s)!.shape!)).join(', ');
    const call = layer.call?.(args) ?? (args.length === 1 ? args[0] : `[${args.join(', ')}]`);
    const ctorArgs = [layer.args, `name="${name}"`].filter(Boolean).join(', ');
    lines.push(
      `    # ${commentLine(id)} (${node.kind}): ${from} -> ${formatShape(node.shape!)}`,
      `    ${name} = ${layer.layer}(${ctorArgs})(${call})`,
    );
    if (layer.leakyAlpha !== undefined) {
      lines.push(
        `    ${name} = layers.LeakyReLU(alpha=${layer.leakyAlpha}, name="${name}_act")(${name})`,
      );
    }
    const source = tfjsLayers.get(input.layerNames.get(id) ?? '');
    source?.getWeights().forEach((w, i) => {
      weights.push({ name: `${name}/${i}`, shape: w.shape, data: w.dataSync() as Float32Array });
    });
  }
  const ofKind = (kind: string) => flat.graph.nodes.filter((n) => n.kind === kind).map((n) => n.id);
  const inputs = ofKind('Input').map((id) => vars.get(id)!);
  const outputs = ofKind('Output').map((id) => vars.get(id)!);
  const custom = [...helpers].map((h) => KERAS_CUSTOM_CLASSES[h]).filter(Boolean);
  return {
    ok: true,
    weights,
    source: fileSource({
      input,
      prelude: kerasPrelude(helpers),
      lines,
      inputs,
      outputs,
      custom: custom as string[],
    }),
  };
}

interface FileParts {
  input: KerasInput;
  prelude: string;
  lines: string[];
  inputs: string[];
  outputs: string[];
  custom: string[];
}

function fileSource({ input, prelude, lines, inputs, outputs, custom }: FileParts): string {
  const list = (xs: string[]) => (xs.length === 1 ? xs[0] : `[${xs.join(', ')}]`);
  return `"""${commentLine(input.modelName)} (project "${commentLine(input.projectName)}"), exported from Strata for tf.keras.

    model = load_model()      # the functional model with the trained weights
    y = model(x)              # channels-last input, as in Strata

build_model() rebuilds the graph with the functional API, each layer named after its Strata
node; Strata's own layers (transformer blocks, position encodings) are written out below.
The weights are in weights.safetensors (float32, little-endian), one entry per weight named
"<layer>/<index>" in the order layer.set_weights() takes them. Needs TensorFlow 2.10 or later.
"""
import json
import math
import struct
from pathlib import Path

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

WEIGHTS = Path(__file__).with_name("weights.safetensors")


${prelude ? `${prelude}\n\n\n` : ''}def build_model():
    """The Strata graph "${commentLine(input.modelName)}" as a Keras functional model (weights not loaded)."""
${lines.join('\n')}
    return keras.Model(inputs=${list(inputs)}, outputs=${list(outputs)}, name="${className(input.modelName)}")


def read_safetensors(path):
    """Reads a safetensors file of float32 tensors into a dict of numpy arrays."""
    data = Path(path).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + length])
    arrays = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        raw = data[8 + length + start : 8 + length + end]
        arrays[name] = np.frombuffer(raw, dtype="<f4").reshape(entry["shape"]).copy()
    return arrays


def load_model(path=WEIGHTS):
    """build_model() with the weights at \`path\` set layer by layer."""
    model = build_model()
    by_layer = {}
    for key, value in read_safetensors(path).items():
        layer, index = key.rsplit("/", 1)
        by_layer.setdefault(layer, []).append((int(index), value))
    for layer, values in by_layer.items():
        model.get_layer(layer).set_weights([value for _, value in sorted(values, key=lambda v: v[0])])
    return model


# Pass to keras.models.load_model() when reloading a model saved from this one.
CUSTOM_OBJECTS = {${custom.map((c) => `"${c}": ${c}`).join(', ')}}
`;
}
