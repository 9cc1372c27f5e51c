import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFolderAtomic } from '../../services/storage/atomic-folder.js';
import { type Exporter, unsupportedResult } from '../exporter.js';
import { OPSET } from './graph.js';
import { buildOnnxModel, encodeOnnx } from './model.js';

/** The file the ONNX export writes in its folder. */
export const ONNX_FILE = 'model.onnx';

/**
 * Writes `model.onnx` (opset {@link OPSET}, weights as initializers). Inputs and outputs keep
 * tfjs' channels-last layout and are named after the graph's Input and Output node ids.
 */
export const exportOnnx: Exporter = async (input, outDir, onProgress) => {
  onProgress?.(0, 'Converting layers to ONNX');
  const built = buildOnnxModel(input);
  if (!built.ok) return unsupportedResult('ONNX', built.unsupported);
  onProgress?.(0.6, 'Writing model.onnx');
  const bytes = encodeOnnx(built.model);
  await writeFolderAtomic(outDir, (dir) => writeFile(join(dir, ONNX_FILE), bytes));
  onProgress?.(1, 'Done');
  return {
    ok: true,
    files: [join(outDir, ONNX_FILE)],
    notes: [
      `ONNX opset ${OPSET}, ${(bytes.byteLength / 1024).toFixed(0)} KiB.`,
      `Inputs (${built.inputs.join(', ')}) and outputs (${built.outputs.join(', ')}) are channels-last, as in TensorFlow.js, with the batch first.`,
    ],
  };
};
