import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';

/** One weight of an imported layer, named relative to the layer (`kernel`, `query/bias`…). @public */
export interface ImportedWeight {
  name: string;
  shape: number[];
  values: Float32Array | Int32Array | Uint8Array;
}

const manifestSchema = z.array(
  z.object({
    paths: z.array(z.string()),
    weights: z.array(
      z
        .object({ name: z.string(), shape: z.array(z.number().int().min(0)), dtype: z.string() })
        .loose(),
    ),
  }),
);

/** The files holding a model.json's weights, in the order their bytes are concatenated. */
export function weightPaths(file: unknown): string[] {
  const parsed = manifestSchema.safeParse((file as { weightsManifest?: unknown })?.weightsManifest);
  return parsed.success ? parsed.data.flatMap((group) => group.paths) : [];
}

export type WeightsResult =
  | { ok: true; byLayer: Map<string, ImportedWeight[]>; unassigned: string[] }
  | { ok: false; message: string };

/**
 * Decodes the manifest's weights from `data` (every path's bytes, concatenated in order) and
 * groups them by the layer their name starts with (`dense/kernel`), or, for converters that
 * prefix a scope (`sequential/dense/kernel`), the first segment naming a layer.
 */
export function readWeights(
  file: unknown,
  data: ArrayBuffer,
  layers: ReadonlySet<string>,
): WeightsResult {
  const parsed = manifestSchema.safeParse((file as { weightsManifest?: unknown })?.weightsManifest);
  if (!parsed.success) return { ok: false, message: 'model.json has no readable weightsManifest' };
  const specs = parsed.data.flatMap((group) => group.weights) as tf.io.WeightsManifestEntry[];
  let tensors: tf.NamedTensorMap;
  try {
    tensors = tf.io.decodeWeights(data, specs);
  } catch (error) {
    return { ok: false, message: `cannot decode the weights: ${(error as Error).message}` };
  }
  const byLayer = new Map<string, ImportedWeight[]>();
  const unassigned: string[] = [];
  for (const spec of specs) {
    const tensor = tensors[spec.name];
    const segments = spec.name.split('/');
    const at = segments.findIndex((segment) => layers.has(segment));
    if (at < 0 || at === segments.length - 1) {
      unassigned.push(spec.name);
    } else {
      const layer = segments[at];
      const weight = {
        name: segments.slice(at + 1).join('/'),
        shape: tensor.shape,
        values: tensor.dataSync() as ImportedWeight['values'],
      };
      byLayer.set(layer, [...(byLayer.get(layer) ?? []), weight]);
    }
  }
  tf.dispose(tensors);
  return { ok: true, byLayer, unassigned };
}
