import type * as tf from '@tensorflow/tfjs';
import type { FlatAnalysis } from '../../shared/graph/analyze.js';
import type { ModelGraph } from '../../shared/graph/document.js';
import type { Project } from '../../shared/project/schema.js';
import type { InputNormalisation } from './input-normalisation.js';

/** Formats Strata writes. */
export const EXPORT_FORMATS = ['tfjs', 'onnx', 'keras', 'pytorch'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One model to export: its graph as drawn, the flat graph the compiler built (blocks inlined,
 * shapes and resolved params per node), and the tfjs model holding the (trained) weights.
 * @public
 */
export interface ExportInput {
  project: Project;
  graph: ModelGraph;
  flat: FlatAnalysis;
  model: tf.LayersModel;
  /** The tfjs layer of each flat node, where its weights live. */
  layerNames: Map<string, string>;
  /**
   * For a run's model: the input scaling it trained with, built into the model as its first
   * layer (`normalisation`), or why it could not be (`unavailable`). Absent for untrained exports.
   */
  preprocessing?: { normalisation?: InputNormalisation; unavailable?: string };
}

/** A layer a format cannot express, named so the user can find it. */
export interface UnsupportedLayer {
  nodeId: string;
  kind: string;
  reason: string;
}

export type ExportResult =
  | { ok: true; files: string[]; notes: string[] }
  | { ok: false; message: string; unsupported: UnsupportedLayer[] };

/**
 * Writes one model in one format into `outDir` (created if needed), atomically: files appear
 * together or not at all. `onProgress` gets a fraction in [0, 1] and a short label.
 */
export type Exporter = (
  input: ExportInput,
  outDir: string,
  onProgress?: (fraction: number, label: string) => void,
) => Promise<ExportResult>;

/** The refusal of a format that cannot express some layers, naming each one. */
export function unsupportedResult(format: string, unsupported: UnsupportedLayer[]): ExportResult {
  const named = unsupported.map((u) => `${u.nodeId} (${u.kind}): ${u.reason}`);
  const which = unsupported.length === 1 ? 'this layer' : 'these layers';
  return {
    ok: false,
    message: `${format} cannot express ${which}: ${named.join('; ')}.`,
    unsupported,
  };
}
