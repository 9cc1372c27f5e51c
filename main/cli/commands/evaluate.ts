import { selectBackend } from '../../engine/backends/ladder.js';
import { evaluateRun, type Evaluation } from '../../services/evaluation/evaluate-run.js';
import { EXIT, type CliIo } from '../io.js';
import { openProject } from '../open.js';

export interface EvaluateOptions {
  run: string;
  dataset?: string;
  backend?: string;
}

/** `strata evaluate <project> --run <id>`: loss, accuracy and a confusion matrix on the test set. */
export async function evaluateCommand(
  file: string,
  options: EvaluateOptions,
  io: CliIo,
): Promise<number> {
  const project = await openProject(file, io);
  if (!project) return EXIT.failed;
  const backend = await selectBackend(options.backend);
  if (!backend.ok) {
    io.err(`strata: ${backend.error}`);
    return EXIT.failed;
  }
  const evaluated = await evaluateRun(file, project, options.run, options.dataset);
  if (!evaluated.ok) {
    io.err(`strata: ${evaluated.error.message}`);
    return EXIT.failed;
  }
  printEvaluation(evaluated.result, io);
  return EXIT.ok;
}

function printEvaluation(result: Evaluation, io: CliIo): void {
  const which = result.splits.length === 1 ? `${result.splits[0]} split` : 'all examples';
  io.out(`${result.dataset}, ${which}: ${result.examples.toLocaleString('en-US')} examples`);
  io.out(`loss ${result.loss.toFixed(4)}`);
  if (result.accuracy !== undefined) io.out(`accuracy ${result.accuracy.toFixed(4)}`);
  if (!result.confusion) return;
  const { labels, matrix } = result.confusion;
  const width = Math.max(
    5,
    ...labels.map((l) => l.length),
    ...matrix.flat().map((n) => String(n).length),
  );
  const cell = (text: string) => text.padStart(width);
  io.out('confusion matrix (rows: actual, columns: predicted)');
  io.out(`${cell('')} ${labels.map(cell).join(' ')}`);
  matrix.forEach((row, i) =>
    io.out(`${cell(labels[i])} ${row.map((n) => cell(String(n))).join(' ')}`),
  );
}
