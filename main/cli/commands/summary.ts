import { hasErrors, type Diagnostic } from '../../../shared/graph/diagnostics.js';
import { analyzeProject } from '../../../shared/project/analyze.js';
import { EXIT, type CliIo } from '../io.js';
import { diagnosticSubject, shortName } from '../labels.js';
import { printSome } from '../listing.js';
import { openProject } from '../open.js';
import { summaryTable } from '../summary-table.js';

/** `strata summary <file> [--model id]`: a Keras-like table per model; exit 1 if any has errors. */
export async function summaryCommand(
  file: string,
  options: { model?: string },
  io: CliIo,
): Promise<number> {
  const project = await openProject(file, io);
  if (!project) return EXIT.failed;
  const analyzed = analyzeProject(project).filter(
    ({ model }) => options.model === undefined || model.id === options.model,
  );
  if (analyzed.length === 0) {
    const ids = project.models.map((m) => m.id).join(', ');
    io.err(`strata: ${file} has no model "${options.model}"; its models are: ${ids}.`);
    return EXIT.failed;
  }

  let failed = false;
  for (const [i, { model, analysis }] of analyzed.entries()) {
    if (i > 0) io.out('');
    summaryTable(model, analysis).forEach((line) => io.out(line));
    const print = (d: Diagnostic) =>
      io.err(`${d.severity}: ${diagnosticSubject(model, d)}: ${d.message}`);
    printSome(analysis.diagnostics, print, io.err, `problems in model ${shortName(model.id)}`);
    failed ||= hasErrors(analysis.diagnostics);
  }
  return failed ? EXIT.failed : EXIT.ok;
}
