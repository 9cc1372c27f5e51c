import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { saveModelFiles } from '../../engine/tfjs/model-files.js';
import { writeFolderAtomic } from '../../services/storage/atomic-folder.js';
import type { Exporter, ExportInput } from '../exporter.js';
import { LOAD_EXAMPLE, readme, type ModelFacts } from './package-files.js';
import { strataLayersModule } from './strata-layers.js';

/** The files of a TF.js export, in the order they are written. */
export const TFJS_FILES = [
  'model.json',
  'weights.bin',
  'strata-layers.js',
  'load.mjs',
  'README.md',
] as const;

/**
 * TF.js layers format (`model.json` + `weights.bin`, as Strata saves runs) plus what a user needs
 * without Strata: `strata-layers.js` registering the custom layers, a README and a Node example.
 * Every layer kind has a tfjs form, so nothing is ever unsupported here.
 */
export const exportTfjs: Exporter = async (input, outDir, onProgress) => {
  onProgress?.(0, 'bundling Strata layers');
  const layers = await strataLayersModule();
  await writeFolderAtomic(outDir, async (folder) => {
    onProgress?.(0.25, 'writing model.json and weights.bin');
    // saveModelFiles replaces `folder` with its own atomic write; the rest is added after it.
    await saveModelFiles(input.model, folder);
    onProgress?.(0.75, 'writing strata-layers.js, load.mjs and README.md');
    await writeFile(join(folder, 'strata-layers.js'), layers);
    await writeFile(join(folder, 'load.mjs'), LOAD_EXAMPLE);
    await writeFile(join(folder, 'README.md'), readme(facts(input)));
  });
  onProgress?.(1, 'done');
  return {
    ok: true,
    files: TFJS_FILES.map((file) => join(outDir, file)),
    notes: ["Import strata-layers.js before tf.loadLayersModel (see the folder's README.md)."],
  };
};

function facts({ graph, model }: ExportInput): ModelFacts {
  return {
    name: graph.name,
    inputs: model.inputs.map((t, i) => ({
      name: model.inputNames[i],
      shape: t.shape,
      dtype: t.dtype,
    })),
    outputs: model.outputs.map((t, i) => ({ name: model.outputNames[i], shape: t.shape })),
    params: model.countParams(),
  };
}
