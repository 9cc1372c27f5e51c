import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { writeFolderAtomic } from '../../services/storage/atomic-folder.js';
// Registers Strata's custom layers, which a saved model may contain.
import './builders.js';

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

/**
 * Saves a model in the TF.js layers format (`model.json` + `weights.bin`) into `dir`, both files
 * at once (see writeFolderAtomic), so there is never a half-written pair.
 */
export async function saveModelFiles(model: tf.LayersModel, dir: string): Promise<void> {
  await writeFolderAtomic(dir, (folder) =>
    model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const json = {
          format: 'layers-model',
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
          convertedBy: 'Strata',
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs }],
        };
        await writeFile(join(folder, MODEL_JSON), JSON.stringify(json));
        await writeFile(
          join(folder, WEIGHTS_BIN),
          new Uint8Array(artifacts.weightData as ArrayBuffer),
        );
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    ),
  );
}

/** Loads a model saved by {@link saveModelFiles} (Strata's custom layers must be registered). */
export async function loadModelFiles(dir: string): Promise<tf.LayersModel> {
  const json = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const weights = await readFile(join(dir, WEIGHTS_BIN));
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData: buffer,
    }),
  );
}
