import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFolderAtomic } from '../../services/storage/atomic-folder.js';
import { type Exporter, unsupportedResult } from '../exporter.js';
import { encodeSafetensors } from '../pytorch/safetensors.js';
import { kerasSource } from './source.js';

/** Files a Keras export holds. */
export const KERAS_FILES = ['model.py', 'weights.safetensors'] as const;

/**
 * Exports a model as tf.keras code: `model.py` (functional `build_model()` and `load_model()`
 * with the trained weights) and `weights.safetensors`.
 */
export const exportKeras: Exporter = async (input, outDir, onProgress) => {
  onProgress?.(0, 'Writing the Keras model');
  const built = kerasSource({
    flat: input.flat,
    model: input.model,
    layerNames: input.layerNames,
    modelName: input.graph.name,
    projectName: input.project.name,
  });
  if (!built.ok) return unsupportedResult('Keras', built.unsupported);
  onProgress?.(0.5, 'Writing the weights');
  const weights = encodeSafetensors(built.weights, { format: 'keras', producer: 'Strata' });
  await writeFolderAtomic(outDir, async (dir) => {
    await writeFile(join(dir, 'model.py'), built.source);
    await writeFile(join(dir, 'weights.safetensors'), weights);
  });
  onProgress?.(1, 'Done');
  return {
    ok: true,
    files: KERAS_FILES.map((f) => join(outDir, f)),
    notes: ['Needs TensorFlow 2.10 or later (causal attention masks).'],
  };
};
