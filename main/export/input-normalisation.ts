import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphNode, ModelGraph } from '../../shared/graph/document.js';
import { layerName } from '../engine/tfjs/compile.js';
import { normalisationFor } from '../engine/trainer/supervised.js';
import { runDatasetRequest } from '../services/datasets/declared/request.js';
import { openDataset } from '../services/datasets/registry.js';
import type { RunConfig } from '../services/runs/runs.js';

/**
 * The input scaling a run trained with, from its dataset's train split: each channel (last
 * input axis) becomes `(x - shift) * scale`. `scale` maps images' min–max to [0, 1], and
 * standardises table features to mean 0 and deviation 1 (main/services/datasets/normalisation.ts).
 */
export interface InputNormalisation {
  mode: 'scale' | 'standardise';
  shift: number[];
  scale: number[];
  /** The dataset the statistics come from. */
  dataset: string;
}

/** The node an export adds after the Input: a BatchNormalization holding the statistics. */
export const NORMALISATION_NODE = 'input_normalisation';
const EPSILON = 0.001;

/**
 * Reopens the run's dataset with its split settings and takes the statistics its training used;
 * undefined when it used none (token inputs, imported weights), or a message when the dataset cannot be reopened.
 */
export async function runNormalisation(
  projectFile: string,
  runDir: string,
): Promise<InputNormalisation | undefined | string> {
  let config: RunConfig;
  try {
    config = JSON.parse(await readFile(join(runDir, 'config.json'), 'utf8')) as RunConfig;
  } catch {
    return 'its config.json cannot be read';
  }
  // Imported weights were trained elsewhere, with whatever scaling their author used.
  if (config.backend === 'imported') return undefined;
  const opened = await openDataset(runDatasetRequest(projectFile, config), {
    validation: config.settings.validationSplit,
    seed: config.settings.seed,
  });
  if (!opened.ok) return opened.errors.map((e) => e.message).join('; ');
  const mode = normalisationFor(opened.dataset);
  if (mode === 'none') return undefined;
  const stats = opened.dataset.inputStats();
  const shift: number[] = [];
  const scale: number[] = [];
  for (let c = 0; c < stats.channels; c++) {
    const spread = mode === 'scale' ? stats.max[c] - stats.min[c] : stats.std[c];
    shift.push(mode === 'scale' ? stats.min[c] : stats.mean[c]);
    // A constant channel maps to 0, as in training.
    scale.push(spread > 0 ? 1 / spread : 0);
  }
  return { mode, shift, scale, dataset: config.dataset };
}

/**
 * The graph with a BatchNormalization right after its Input that applies `(x - shift) * scale`
 * (mean = shift, variance = 1 - epsilon, gamma = scale, beta = 0), so the export takes raw data.
 * Undefined for a graph with other than one Input.
 */
export function withNormalisationNode(graph: ModelGraph): ModelGraph | undefined {
  const inputs = graph.nodes.filter((n) => n.kind === 'Input');
  if (inputs.length !== 1) return undefined;
  const [input] = inputs;
  const node: GraphNode = {
    id: NORMALISATION_NODE,
    kind: 'BatchNormalization',
    name: 'Input normalisation',
    params: { epsilon: EPSILON, momentum: 0.99 },
    position: { x: input.position.x, y: input.position.y + 60 },
  };
  const edges = graph.edges.map((e) =>
    e.source === input.id ? { ...e, source: NORMALISATION_NODE } : e,
  );
  edges.push({
    id: `${NORMALISATION_NODE}-edge`,
    source: input.id,
    target: NORMALISATION_NODE,
    targetPort: 0,
  });
  return { ...graph, nodes: [...graph.nodes, node], edges };
}

/**
 * Copies the trained model's weights into `model` layer by layer (same names: both compiled from
 * the same graph), and the statistics into the normalisation layer. Returns why not, if they differ.
 */
export function loadWithNormalisation(
  model: tf.LayersModel,
  trained: tf.LayersModel,
  normalisation: InputNormalisation,
): string | undefined {
  for (const layer of model.layers) {
    if (layer.weights.length === 0) continue;
    if (layer.name === layerName(NORMALISATION_NODE)) {
      const channels = layer.weights[0].shape[0];
      if (channels !== normalisation.scale.length) {
        return `the input has ${channels} channels but the statistics ${normalisation.scale.length}`;
      }
      const values = [
        tf.tensor1d(normalisation.scale),
        tf.zeros([channels]),
        tf.tensor1d(normalisation.shift),
        tf.fill([channels], 1 - EPSILON),
      ];
      layer.setWeights(values);
      tf.dispose(values);
      continue;
    }
    const source = trained.layers.find((l) => l.name === layer.name);
    if (!source) return `the run has no layer ${layer.name}`;
    const weights = source.getWeights();
    const shapes = (ws: readonly { shape: readonly (number | null)[] }[]) =>
      ws.map((w) => w.shape.join('×')).join(',');
    if (shapes(weights) !== shapes(layer.weights)) {
      return `layer ${layer.name} has weights ${shapes(layer.weights)} but ${shapes(weights)} in the run`;
    }
    layer.setWeights(weights);
  }
  return undefined;
}

/** What the export's README says about feeding it data. */
export function normalisationReadme(normalisation: InputNormalisation | undefined): string {
  const heading = '## Inputs: raw data\n\n';
  if (!normalisation) {
    return `${heading}The model takes its inputs as they are: no statistics were applied in training.\n`;
  }
  const how =
    normalisation.mode === 'scale'
      ? 'min–max scaled to [0, 1] per channel'
      : 'standardised to mean 0 and standard deviation 1 per feature';
  const list = (values: number[]) =>
    values.length <= 8
      ? values.map((v) => Number(v.toPrecision(6))).join(', ')
      : `${values.length} values, from ${Number(Math.min(...values).toPrecision(6))} to ${Number(Math.max(...values).toPrecision(6))}`;
  return (
    heading +
    `In training, Strata fed this model inputs ${how}, with statistics of the training split of ` +
    `"${normalisation.dataset}". The export does that itself: its first layer after the input, ` +
    `\`${NORMALISATION_NODE}\` (a BatchNormalization with mean = shift, variance = 1 − epsilon, ` +
    `gamma = scale, beta = 0), computes \`(x - shift) * scale\`. Feed it raw data, as read from ` +
    `the files (pixels 0–255, table values as they are); do not scale them again.\n\n` +
    `- shift: ${list(normalisation.shift)}\n- scale: ${list(normalisation.scale)}\n` +
    `\nWhen fine-tuning the model, keep this layer frozen (not trainable).\n`
  );
}
