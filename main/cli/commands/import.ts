import { access } from 'node:fs/promises';
import { PROJECT_EXTENSION } from '../../../shared/project/schema.js';
import { importModelFile } from '../../services/projects/import-model.js';
import { EXIT, type CliIo } from '../io.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `strata import <model.json | model.onnx> <file>`: a Keras / TF.js layers model or an ONNX model
 * becomes a new project; its weights, when the files are there, become a run of that project.
 */
export async function importCommand(modelFile: string, file: string, io: CliIo): Promise<number> {
  if (!file.endsWith(PROJECT_EXTENSION)) {
    io.err(`strata: project files end in ${PROJECT_EXTENSION}; try ${file}${PROJECT_EXTENSION}.`);
    return EXIT.usage;
  }
  if (await exists(file)) {
    io.err(`strata: ${file} already exists; choose another name or delete it first.`);
    return EXIT.failed;
  }
  const imported = await importModelFile(modelFile, file);
  if (!imported.ok) {
    io.err(`strata: ${imported.message}${imported.unsupported.length > 0 ? ':' : '.'}`);
    for (const u of imported.unsupported) io.err(`  ${u}`);
    return EXIT.failed;
  }
  const model = imported.project.models[0];
  io.out(`Created ${file} from ${modelFile}: ${imported.nodes} nodes in model "${model.id}".`);
  for (const warning of imported.warnings) io.err(`warning: ${warning}`);
  if (imported.runId) {
    io.out(`Weights kept as run ${imported.runId}; export them with --run ${imported.runId}.`);
  }
  return EXIT.ok;
}
