import { findDataset } from '../../../shared/datasets/catalogue.js';
import type { Diagnostic } from '../../../shared/graph/diagnostics.js';
import { analyzeProject } from '../../../shared/project/analyze.js';
import { EXIT, type CliIo } from '../io.js';
import { diagnosticSubject, shortName, thousands } from '../labels.js';
import { printSome } from '../listing.js';
import { openProject } from '../open.js';

/** `strata validate <file>`: prints every diagnostic; exit 1 when the project has errors. */
export async function validateCommand(file: string, io: CliIo): Promise<number> {
  const project = await openProject(file, io);
  if (!project) return EXIT.failed;

  let errors = 0;
  let warnings = 0;
  for (const { model, analysis } of analyzeProject(project)) {
    const found = analysis.diagnostics;
    const modelErrors = found.filter((d) => d.severity === 'error').length;
    errors += modelErrors;
    warnings += found.length - modelErrors;
    const id = shortName(model.id);
    const print = (d: Diagnostic) => {
      io.out(`${d.severity}: ${id}: ${diagnosticSubject(model, d)}: ${d.message}`);
      io.out(`  hint: ${d.hint}`);
    };
    printSome(found, print, io.out, `problems in model ${id}`);
  }
  if (!findDataset(project.recipe.dataset)) {
    warnings++;
    io.out(
      `warning: recipe.dataset: "${project.recipe.dataset}" is not a built-in dataset; import it before training.`,
    );
  }

  const models = project.models.length === 1 ? '1 model' : `${project.models.length} models`;
  io.out(`${file}: ${models}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  return errors > 0 ? EXIT.failed : EXIT.ok;
}

const plural = (n: number, word: string) => `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;
