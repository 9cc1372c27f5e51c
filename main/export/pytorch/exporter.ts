import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFolderAtomic } from '../../services/storage/atomic-folder.js';
import { type ExportInput, type Exporter, unsupportedResult } from '../exporter.js';
import { torchModule } from './module.js';
import { encodeSafetensors } from './safetensors.js';
import { trainScript } from './train-script.js';

/** Files a PyTorch export holds. */
export const PYTORCH_FILES = ['model.py', 'weights.safetensors', 'train.py'] as const;

/** The loss the exported model trains with: its first Output's. */
function lossOf(input: ExportInput): string {
  const output = input.flat.graph.nodes.find((n) => n.kind === 'Output');
  const loss = output && input.flat.nodes.get(output.id)?.params?.loss;
  return typeof loss === 'string' ? loss : 'mean_squared_error';
}

/**
 * Exports a model as PyTorch: `model.py` (an `nn.Module` following the graph, and `load_model()`
 * returning it with the trained weights), `weights.safetensors`, and `train.py` with the recipe.
 */
export const exportPyTorch: Exporter = async (input, outDir, onProgress) => {
  onProgress?.(0, 'Writing the PyTorch module');
  const built = torchModule({
    flat: input.flat,
    model: input.model,
    layerNames: input.layerNames,
    modelName: input.graph.name,
    projectName: input.project.name,
  });
  if (!built.ok) return unsupportedResult('PyTorch', built.unsupported);
  const { module } = built;
  onProgress?.(0.5, 'Writing the weights');
  const [first] = module.inputs;
  const train = trainScript({
    recipe: input.project.recipe,
    projectName: input.project.name,
    className: module.className,
    modelId: input.graph.id,
    loss: lossOf(input),
    inputShape: first?.shape ?? [],
    inputDtype: first?.dtype ?? 'float32',
    outputShape: module.outputs[0]?.shape ?? [],
  });
  const weights = encodeSafetensors(module.state, { format: 'pt', producer: 'Strata' });
  await writeFolderAtomic(outDir, async (dir) => {
    await writeFile(join(dir, 'model.py'), module.source);
    await writeFile(join(dir, 'weights.safetensors'), weights);
    await writeFile(join(dir, 'train.py'), train);
  });
  onProgress?.(1, 'Done');
  return { ok: true, files: PYTORCH_FILES.map((f) => join(outDir, f)), notes: notesFor(input) };
};

/** What a user should know about this particular export. */
function notesFor(input: ExportInput): string[] {
  const nodes = input.flat.graph.nodes;
  const kinds = new Set(
    nodes.map((n) => (n.kind === 'Bidirectional' ? String(n.params.layer ?? 'LSTM') : n.kind)),
  );
  const notes = [
    'Tensors are channels-last (NHWC) as in Strata; the module permutes around convolutions.',
  ];
  if (kinds.has('LSTM') || kinds.has('SimpleRNN')) {
    notes.push(
      "torch's LSTM and RNN keep a second (recurrent) bias that Keras lacks; it is exported as zeros, so torch counts more parameters.",
    );
  }
  if (kinds.has('BatchNormalization')) {
    notes.push("BatchNorm's running statistics are buffers in torch, not parameters.");
  }
  return notes;
}
